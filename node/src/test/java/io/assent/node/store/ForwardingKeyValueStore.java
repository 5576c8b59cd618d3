package io.assent.node.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A store that passes every call to another one; tests override what they watch or break. */
public abstract class ForwardingKeyValueStore implements KeyValueStore {
  protected final KeyValueStore store;

  protected ForwardingKeyValueStore(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public Transaction startTransaction() {
    return store.startTransaction();
  }

  @Override
  public Optional<byte[]> get(Segment segment, byte[] key) {
    return store.get(segment, key);
  }

  @Override
  public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
    return store.stream(segment, prefix);
  }

  @Override
  public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
    return store.streamReverse(segment, prefix);
  }

  @Override
  public void compact(Segment... segments) {
    store.compact(segments);
  }

  @Override
  public int compactKeys(Map<Segment, ? extends Collection<byte[]>> keys) {
    return store.compactKeys(keys);
  }

  @Override
  public void close() {
    store.close();
  }
}

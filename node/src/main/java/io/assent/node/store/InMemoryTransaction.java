package io.assent.node.store;

import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A transaction of {@link InMemoryKeyValueStore}: writes are buffered until commit. */
final class InMemoryTransaction implements Transaction {

  private final InMemoryKeyValueStore store;
  private final Map<Segment, NavigableMap<byte[], byte[]>> pending = new EnumMap<>(Segment.class);
  private boolean done;

  InMemoryTransaction(InMemoryKeyValueStore store) {
    this.store = store;
  }

  @Override
  public Optional<byte[]> get(Segment segment, byte[] key) {
    ensureActive();
    NavigableMap<byte[], byte[]> writes = writes(segment);
    if (writes.containsKey(key)) {
      return Optional.ofNullable(writes.get(key)).map(byte[]::clone);
    }
    return store.get(segment, key);
  }

  @Override
  public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
    ensureActive();
    return store.snapshot(segment, prefix, writes(segment)).stream();
  }

  @Override
  public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
    ensureActive();
    return store.snapshot(segment, prefix, writes(segment)).reversed().stream();
  }

  @Override
  public void put(Segment segment, byte[] key, byte[] value) {
    ensureActive();
    writes(segment).put(key.clone(), value.clone());
  }

  @Override
  public void delete(Segment segment, byte[] key) {
    ensureActive();
    writes(segment).put(key.clone(), null);
  }

  @Override
  public void commit() {
    ensureActive();
    done = true;
    store.apply(pending);
  }

  @Override
  public void rollback() {
    ensureActive();
    done = true;
  }

  @Override
  public void close() {
    done = true;
  }

  private NavigableMap<byte[], byte[]> writes(Segment segment) {
    return pending.computeIfAbsent(segment, s -> new TreeMap<>(Bytes::compareUnsigned));
  }

  private void ensureActive() {
    if (done) {
      throw new IllegalStateException("the transaction is already committed or rolled back");
    }
    store.ensureOpen();
  }
}

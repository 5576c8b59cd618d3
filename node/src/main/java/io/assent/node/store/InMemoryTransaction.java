package io.assent.node.store;

import java.util.Optional;
import java.util.stream.Stream;

/** A transaction of {@link InMemoryKeyValueStore}: writes are buffered until commit. */
final class InMemoryTransaction implements Transaction {

  private final InMemoryKeyValueStore store;
  private final PendingWrites pending = new PendingWrites();
  private boolean done;

  InMemoryTransaction(InMemoryKeyValueStore store) {
    this.store = store;
  }

  @Override
  public Optional<byte[]> get(Segment segment, byte[] key) {
    ensureActive();
    return pending.read(segment, key, () -> store.get(segment, key));
  }

  @Override
  public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
    ensureActive();
    return store.snapshot(segment, prefix, pending.under(segment, prefix, false)).stream();
  }

  @Override
  public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
    ensureActive();
    return store
        .snapshot(segment, prefix, pending.under(segment, prefix, false))
        .reversed()
        .stream();
  }

  @Override
  public void put(Segment segment, byte[] key, byte[] value) {
    ensureActive();
    pending.put(segment, key, value);
  }

  @Override
  public void delete(Segment segment, byte[] key) {
    ensureActive();
    pending.delete(segment, key);
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

  private void ensureActive() {
    if (done) {
      throw new IllegalStateException("the transaction is already committed or rolled back");
    }
    store.ensureOpen();
  }
}

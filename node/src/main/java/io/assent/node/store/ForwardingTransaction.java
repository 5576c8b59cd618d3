package io.assent.node.store;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * A transaction that passes every call to another one; subclasses override the calls they watch or
 * forbid (a view that records what is written, or that leaves committing to the owner).
 */
public abstract class ForwardingTransaction implements Transaction {
  protected final Transaction delegate;

  protected ForwardingTransaction(Transaction delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<byte[]> get(Segment segment, byte[] key) {
    return delegate.get(segment, key);
  }

  @Override
  public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
    return delegate.stream(segment, prefix);
  }

  @Override
  public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
    return delegate.streamReverse(segment, prefix);
  }

  @Override
  public void put(Segment segment, byte[] key, byte[] value) {
    delegate.put(segment, key, value);
  }

  @Override
  public void delete(Segment segment, byte[] key) {
    delegate.delete(segment, key);
  }

  @Override
  public void commit() {
    delegate.commit();
  }

  @Override
  public void rollback() {
    delegate.rollback();
  }

  @Override
  public void close() {
    delegate.close();
  }
}

package io.assent.node.store;

/**
 * A set of writes applied atomically on {@link #commit()}: all of them or none. Reads through the
 * transaction see its own uncommitted writes. A transaction neither committed nor rolled back is
 * discarded on {@link #close()}.
 *
 * <p>Commits are durable: once {@code commit} returns, the writes survive a process kill or power
 * loss (synced write-ahead log).
 */
public interface Transaction extends KeyValueReader, AutoCloseable {

  void put(Segment segment, byte[] key, byte[] value);

  void delete(Segment segment, byte[] key);

  void commit();

  void rollback();

  @Override
  void close();
}

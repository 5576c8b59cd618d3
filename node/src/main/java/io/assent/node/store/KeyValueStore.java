package io.assent.node.store;

/**
 * The node's storage: a few segments (column families) of ordered byte keys. Implemented by RocksDB
 * in production and in memory in unit tests; domain code never sees either.
 */
public interface KeyValueStore extends KeyValueReader, AutoCloseable {

  Transaction startTransaction();

  @Override
  void close();
}

package io.assent.node.store;

/**
 * The node's storage: a few segments (column families) of ordered byte keys. Implemented by RocksDB
 * in production and in memory in unit tests; domain code never sees either.
 */
public interface KeyValueStore extends KeyValueReader, AutoCloseable {

  Transaction startTransaction();

  /**
   * Rewrites the segment's data so that deleted and overwritten values no longer exist in any file
   * of the store (memtable flushed, write-ahead log rolled, SST files compacted). Slow: for
   * erasure, not for routine use. A no-op for stores without files.
   */
  void compact(Segment segment);

  @Override
  void close();
}

package io.assent.node.store;

import java.util.Collection;
import java.util.Map;

/**
 * The node's storage: a few segments (column families) of ordered byte keys. Implemented by RocksDB
 * in production and in memory in unit tests; domain code never sees either.
 */
public interface KeyValueStore extends KeyValueReader, AutoCloseable {

  Transaction startTransaction();

  /**
   * Rewrites the segments' data so that deleted and overwritten values no longer exist in any file
   * of the store (memtables flushed once, write-ahead log rolled, SST files compacted). Slow: for
   * erasure and rebuilds, not for routine use. A no-op for stores without files.
   */
  void compact(Segment... segments);

  /**
   * As {@link #compact}, but only for these keys of each segment: their deleted and overwritten
   * values no longer exist in any file of the store. Costs in proportion to the files that hold the
   * keys, not to the data held. A no-op for stores without files.
   *
   * @return how many key ranges were compacted
   */
  int compactKeys(Map<Segment, ? extends Collection<byte[]>> keys);

  @Override
  void close();
}

package io.assent.node.store;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;

/**
 * The native option objects of the database, created together and freed together after the database
 * is closed. Tuned for the node's reads, point gets and short prefix scans: bloom filters skip
 * files without the key, and one block cache serves every column family.
 */
final class RocksDbOptions implements AutoCloseable {

  private static final long BLOCK_CACHE_BYTES = 64L << 20;

  private final LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
  private final BloomFilter bloomFilter = new BloomFilter(10);
  private final DBOptions db =
      new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setKeepLogFileNum(5);
  private final ColumnFamilyOptions columns =
      new ColumnFamilyOptions()
          .setCompressionType(CompressionType.LZ4_COMPRESSION)
          .setTableFormatConfig(
              new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloomFilter));

  DBOptions db() {
    return db;
  }

  ColumnFamilyOptions columns() {
    return columns;
  }

  @Override
  public void close() {
    columns.close();
    db.close();
    bloomFilter.close();
    cache.close();
  }
}

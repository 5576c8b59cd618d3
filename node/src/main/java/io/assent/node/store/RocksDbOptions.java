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
 * files without the key, and one block cache serves every column family. The memtables have bloom
 * filters on whole keys too: most of the node's gets are misses (is this nonce, this grant, already
 * known?), and without one each searches the memtables' skip lists (JFR, 2026-11-30).
 */
final class RocksDbOptions implements AutoCloseable {

  private static final long BLOCK_CACHE_BYTES = 64L << 20;
  // Of the memtable's size, for its bloom filter: ~1.3 MiB for a 64 MiB memtable.
  private static final double MEMTABLE_BLOOM_RATIO = 0.02;
  // Smaller values stay in the SST files (a record envelope is never this small).
  private static final long RECORD_BLOB_MIN_BYTES = 256;
  // RocksDB's default. The erasure's compactions rewrite whole files of this size (see
  // CompactionRanges); tests choose smaller files to have many without much data.
  private static final long TARGET_FILE_BYTES = 64L << 20;

  private final long targetFileBytes;

  private final LRUCache cache = new LRUCache(BLOCK_CACHE_BYTES);
  private final BloomFilter bloomFilter = new BloomFilter(10);
  private final DBOptions db =
      new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setKeepLogFileNum(5);
  private final ColumnFamilyOptions columns;
  // Ciphertext and keys: random bytes, which compression would only try, on every flush and
  // compaction, and fail to shrink.
  private final ColumnFamilyOptions randomBytes;
  // The encrypted records (~1.3 kB each, keyed by their random ids): their values go to blob files
  // when a memtable is flushed, and compactions then move only keys and blob references. Kept in
  // the SST files, every record was rewritten by each compaction of its level; with random keys a
  // compaction of level 0 into level 1 rewrites all of level 1 (`bin/bench ingest`, RocksDB's
  // statistics: 4.4-5.3 kB compacted per grant in the measured windows, 20-30 µs of CPU; with blob
  // files 0.14 kB and 3 µs). No blob garbage collection: it would rewrite the live records of the
  // oldest blob files again, and the only garbage is erased records. Such a blob outlives the
  // erasure's compaction: it is ciphertext whose key the erasure destroyed (CONSENT_KEYS stays in
  // SST files and is compacted away at once), as crypto-shredding intends.
  private final ColumnFamilyOptions records;

  RocksDbOptions() {
    this(TARGET_FILE_BYTES);
  }

  /** With SST files of about {@code targetFileBytes} below level 0 (tests). */
  RocksDbOptions(long targetFileBytes) {
    this.targetFileBytes = targetFileBytes;
    this.columns = columns(CompressionType.LZ4_COMPRESSION);
    this.randomBytes = columns(CompressionType.NO_COMPRESSION);
    this.records =
        columns(CompressionType.NO_COMPRESSION)
            .setEnableBlobFiles(true)
            .setMinBlobSize(RECORD_BLOB_MIN_BYTES)
            .setEnableBlobGarbageCollection(false);
  }

  private ColumnFamilyOptions columns(CompressionType compression) {
    return new ColumnFamilyOptions()
        .setCompressionType(compression)
        .setTargetFileSizeBase(targetFileBytes)
        .setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO)
        .setMemtableWholeKeyFiltering(true)
        .setTableFormatConfig(
            new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloomFilter));
  }

  DBOptions db() {
    return db;
  }

  /** The options of a segment's column family. */
  ColumnFamilyOptions columns(Segment segment) {
    return switch (segment) {
      case CONSENT_RECORDS -> records;
      case CONSENT_KEYS -> randomBytes;
      default -> columns;
    };
  }

  /**
   * The options of a column family that is not a segment's (the default one, or a newer node's).
   */
  ColumnFamilyOptions columns() {
    return columns;
  }

  @Override
  public void close() {
    columns.close();
    randomBytes.close();
    records.close();
    db.close();
    bloomFilter.close();
    cache.close();
  }
}

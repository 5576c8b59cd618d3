package io.assent.node.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyMetaData;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LevelMetaData;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileMetaData;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's database: RocksDB with one column family per {@link Segment}, named {@code seg-<id>},
 * created on open. Every commit is a synced write (the write-ahead log is fsynced before {@code
 * commit} returns), so an acknowledged transaction survives {@code kill -9}.
 *
 * <p>Thread-safe. {@link #close()} frees every native handle, including those of streams and
 * transactions still open; using any of them afterwards throws {@link IllegalStateException} rather
 * than touching freed memory.
 */
public final class RocksDbKeyValueStore implements KeyValueStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbKeyValueStore.class);

  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final RocksDbOptions options;
  private final WriteOptions syncWrites;
  private final ReadOptions reads;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> allHandles;
  private final Map<Segment, ColumnFamilyHandle> handles;
  private final NativeResources resources = new NativeResources();
  private final StoreOperations operations = new StoreOperations();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksDbKeyValueStore(
      Path directory,
      RocksDbOptions options,
      RocksDB db,
      List<ColumnFamilyHandle> allHandles,
      Map<Segment, ColumnFamilyHandle> handles) {
    this.directory = directory;
    this.options = options;
    this.db = db;
    this.allHandles = allHandles;
    this.handles = handles;
    this.syncWrites = new WriteOptions().setSync(true);
    this.reads = new ReadOptions();
  }

  /** Opens (creating if needed) the database in {@code directory}. */
  public static RocksDbKeyValueStore open(Path directory) {
    return open(directory, new RocksDbOptions());
  }

  /**
   * Opens the database with SST files of about {@code targetFileBytes} below level 0 (RocksDB's
   * default is 64 MiB): tests use small ones to have many files, as a large store does, without
   * much data.
   */
  public static RocksDbKeyValueStore open(Path directory, long targetFileBytes) {
    return open(directory, new RocksDbOptions(targetFileBytes));
  }

  private static RocksDbKeyValueStore open(Path directory, RocksDbOptions options) {
    try {
      Files.createDirectories(directory);
      List<byte[]> names = columnFamilyNames(directory);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : names) {
        descriptors.add(new ColumnFamilyDescriptor(name, columnOptions(options, name)));
      }
      List<ColumnFamilyHandle> allHandles = new ArrayList<>();
      RocksDB db = RocksDB.open(options.db(), directory.toString(), descriptors, allHandles);
      Map<Segment, ColumnFamilyHandle> handles = new EnumMap<>(Segment.class);
      for (Segment segment : Segment.values()) {
        byte[] name = columnFamilyName(segment);
        for (int i = 0; i < names.size(); i++) {
          if (Arrays.equals(names.get(i), name)) {
            handles.put(segment, allHandles.get(i));
          }
        }
      }
      return new RocksDbKeyValueStore(directory, options, db, allHandles, handles);
    } catch (RocksDBException | IOException e) {
      options.close();
      throw new StorageException(
          "cannot open the database in " + directory + ": " + openFailure(e.getMessage()), e);
    }
  }

  private static ColumnFamilyOptions columnOptions(RocksDbOptions options, byte[] name) {
    for (Segment segment : Segment.values()) {
      if (Arrays.equals(columnFamilyName(segment), name)) {
        return options.columns(segment);
      }
    }
    return options.columns();
  }

  /** Why RocksDB could not open a database, in the words of someone who runs a node. */
  private static String openFailure(String message) {
    if (message != null && message.contains("lock")) {
      // RocksDB's LOCK file: one process at a time.
      return "another process has it open (is a node running on it?)";
    }
    return String.valueOf(message);
  }

  /** The column family of a segment: {@code seg-<id>}, the id in decimal. */
  static byte[] columnFamilyName(Segment segment) {
    return ("seg-" + (segment.id() & 0xff)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The default family, one per segment, and any family already in the database (RocksDB must open
   * them all; one a newer node created is kept but not used).
   */
  private static List<byte[]> columnFamilyNames(Path directory) throws RocksDBException {
    List<byte[]> names = new ArrayList<>();
    names.add(RocksDB.DEFAULT_COLUMN_FAMILY);
    for (Segment segment : Segment.values()) {
      names.add(columnFamilyName(segment));
    }
    if (Files.exists(directory.resolve("CURRENT"))) {
      try (Options options = new Options()) {
        for (byte[] existing : RocksDB.listColumnFamilies(options, directory.toString())) {
          if (names.stream().noneMatch(n -> Arrays.equals(n, existing))) {
            names.add(existing);
          }
        }
      }
    }
    return names;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public Optional<byte[]> get(Segment segment, byte[] key) {
    operations.count(segment, StoreOperations.Kind.GET);
    return guarded(
        () -> {
          try {
            return Optional.ofNullable(db.get(handle(segment), reads, key));
          } catch (RocksDBException e) {
            throw new StorageException("read failed in " + segment, e);
          }
        });
  }

  @Override
  public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
    return iterate(segment, prefix, false);
  }

  @Override
  public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
    return iterate(segment, prefix, true);
  }

  private Stream<KeyValue> iterate(Segment segment, byte[] prefix, boolean reverse) {
    operations.count(segment, StoreOperations.Kind.SCAN);
    return guarded(
        () -> {
          PrefixBounds bounds = resources.register(new PrefixBounds(prefix));
          return RocksDbPrefixSpliterator.stream(
              this,
              resources,
              resources.register(db.newIterator(handle(segment), bounds.options())),
              bounds,
              prefix,
              reverse);
        });
  }

  /** What the node asked of this store so far (its transactions included). */
  public StoreOperations operations() {
    return operations;
  }

  /**
   * Whether RocksDB has flushes or compactions running or due (its levels not yet within their
   * targets): benchmarks wait for this to settle before measuring.
   */
  public boolean backgroundWorkPending() {
    return guarded(
        () -> {
          try {
            if (db.getLongProperty("rocksdb.num-running-compactions") > 0
                || db.getLongProperty("rocksdb.num-running-flushes") > 0) {
              return true;
            }
            for (ColumnFamilyHandle handle : allHandles) {
              if (db.getLongProperty(handle, "rocksdb.compaction-pending") > 0
                  || db.getLongProperty(handle, "rocksdb.mem-table-flush-pending") > 0) {
                return true;
              }
            }
            return false;
          } catch (RocksDBException e) {
            throw new StorageException("cannot read the store's background state", e);
          }
        });
  }

  /** What RocksDB flushed and compacted per segment since the store was opened. */
  public BackgroundWork backgroundWork() {
    return guarded(
        () -> {
          Map<Segment, BackgroundWork.Work> bySegment = new EnumMap<>(Segment.class);
          for (Map.Entry<Segment, ColumnFamilyHandle> e : handles.entrySet()) {
            try {
              bySegment.put(
                  e.getKey(),
                  BackgroundWork.Work.fromColumnFamilyStats(
                      db.getMapProperty(e.getValue(), "rocksdb.cfstats")));
            } catch (RocksDBException ex) {
              throw new StorageException("cannot read the statistics of " + e.getKey(), ex);
            }
          }
          return new BackgroundWork(bySegment);
        });
  }

  @Override
  public Transaction startTransaction() {
    return guarded(() -> RocksDbTransaction.start(this));
  }

  /**
   * Flushes every memtable (so the write-ahead log files holding the segments' old writes become
   * obsolete and are deleted), syncs the log, then compacts each segment's whole key range down to
   * the bottom level: deleted values and their tombstones are dropped from the SST files.
   */
  @Override
  public void compact(Segment... segments) {
    compacting(
        "the compaction of " + Arrays.toString(segments),
        compaction -> {
          for (Segment segment : segments) {
            db.compactRange(handle(segment), null, null, compaction);
          }
          return segments.length;
        });
  }

  /**
   * Flushes and syncs as {@link #compact} does, then, in each segment, compacts the key ranges that
   * {@link CompactionRanges#plan} finds for its keys among its files, down to the bottom level, or
   * the whole segment when that plan says so. The end of each range is passed as its successor
   * ({@code last ‖ 0x00}), so the last key is inside it whether RocksDB treats the end as included
   * or not.
   *
   * @return how many compactions ran: one per key range, one per segment compacted whole
   */
  @Override
  public int compactKeys(Map<Segment, ? extends Collection<byte[]>> keys) {
    return compacting(
        "the compaction of keys in " + keys.keySet(),
        compaction -> {
          int compactions = 0;
          for (Map.Entry<Segment, ? extends Collection<byte[]>> entry : keys.entrySet()) {
            ColumnFamilyHandle handle = handle(entry.getKey());
            Optional<List<CompactionRanges.KeyRange>> ranges = plan(handle, entry.getValue());
            if (ranges.isEmpty()) {
              LOG.info(
                  "compacting {} whole, for {} key(s)", entry.getKey(), entry.getValue().size());
              db.compactRange(handle, null, null, compaction);
              compactions++;
              continue;
            }
            LOG.info(
                "compacting {} in {} key range(s), for {} key(s)",
                entry.getKey(),
                ranges.get().size(),
                entry.getValue().size());
            for (CompactionRanges.KeyRange range : ranges.get()) {
              db.compactRange(
                  handle, range.first(), Bytes.concat(range.last(), new byte[1]), compaction);
              compactions++;
            }
          }
          return compactions;
        });
  }

  /** {@link CompactionRanges#plan} for these keys, from the column family's files as they are. */
  private Optional<List<CompactionRanges.KeyRange>> plan(
      ColumnFamilyHandle handle, Collection<byte[]> keys) {
    ColumnFamilyMetaData meta = db.getColumnFamilyMetaData(handle);
    List<LevelMetaData> levels = meta.levels();
    int bottom = levels.size() - 1;
    while (bottom > 0 && levels.get(bottom).files().isEmpty()) {
      bottom--;
    }
    if (bottom == 0) {
      return Optional.empty(); // nothing below level 0: compacting it all is the only plan
    }
    List<CompactionRanges.File> files =
        levels.get(bottom).files().stream()
            .map(f -> new CompactionRanges.File(range(f), f.size()))
            .sorted((a, b) -> Bytes.compareUnsigned(a.range().first(), b.range().first()))
            .toList();
    long above = levels.subList(0, bottom).stream().mapToLong(LevelMetaData::size).sum();
    boolean straightDown = levels.subList(1, bottom).stream().allMatch(l -> l.files().isEmpty());
    CompactionRanges.KeyRange levelZeroSpan =
        straightDown
            ? levels.get(0).files().stream()
                .map(RocksDbKeyValueStore::range)
                .reduce(CompactionRanges.KeyRange::union)
                .orElse(null)
            : null;
    return CompactionRanges.plan(keys, files, above, levelZeroSpan, meta.size());
  }

  private static CompactionRanges.KeyRange range(SstFileMetaData file) {
    return new CompactionRanges.KeyRange(file.smallestKey(), file.largestKey());
  }

  private interface Compaction {
    int run(CompactRangeOptions options) throws RocksDBException;
  }

  private int compacting(String what, Compaction compaction) {
    return guarded(
        () -> {
          try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
              CompactRangeOptions options =
                  new CompactRangeOptions()
                      .setBottommostLevelCompaction(
                          CompactRangeOptions.BottommostLevelCompaction.kForce)
                      .setExclusiveManualCompaction(true)) {
            db.flush(flush, allHandles);
            db.flushWal(true);
            return compaction.run(options);
          } catch (RocksDBException e) {
            throw new StorageException(what + " failed", e);
          }
        });
  }

  /** The names of the live SST files of a segment (tests). */
  List<String> liveFiles(Segment segment) {
    return guarded(
        () ->
            db.getColumnFamilyMetaData(handle(segment)).levels().stream()
                .flatMap(level -> level.files().stream())
                .map(SstFileMetaData::fileName)
                .toList());
  }

  /** Frees every native handle; idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      resources.releaseAll();
      for (ColumnFamilyHandle handle : allHandles) {
        handle.close();
      }
      db.close();
      syncWrites.close();
      reads.close();
      options.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs {@code action} while the store cannot close, or throws if it already is closed. */
  <T> T guarded(Supplier<T> action) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the store is closed: " + directory);
      }
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Closes a native resource of {@code owner} unless it is already closed; a no-op once the store
   * is closed (the store freed it then).
   */
  void release(NativeResources owner, AutoCloseable resource) {
    lock.readLock().lock();
    try {
      if (!closed) {
        owner.release(resource);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Open streams and transactions; for tests that check nothing leaks. */
  int openHandles() {
    return resources.size();
  }

  RocksDB db() {
    return db;
  }

  ReadOptions reads() {
    return reads;
  }

  WriteOptions syncWrites() {
    return syncWrites;
  }

  NativeResources resources() {
    return resources;
  }

  ColumnFamilyHandle handle(Segment segment) {
    return handles.get(segment);
  }
}

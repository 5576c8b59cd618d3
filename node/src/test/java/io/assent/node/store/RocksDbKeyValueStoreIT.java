package io.assent.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class RocksDbKeyValueStoreIT extends KeyValueStoreContract {

  @TempDir Path dir;

  @Override
  protected KeyValueStore openStore() {
    return RocksDbKeyValueStore.open(dir.resolve("db"));
  }

  @Test
  void committedWritesSurviveReopeningAndUncommittedOnesDoNot() {
    commit(Segment.DID_EVENTS, b(1), b(10));
    Transaction pending = store.startTransaction();
    pending.put(Segment.DID_EVENTS, b(2), b(20));
    store.close();
    store = openStore();
    assertThat(store.get(Segment.DID_EVENTS, b(1)))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(10));
    assertThat(store.get(Segment.DID_EVENTS, b(2))).isEmpty();
    assertThatThrownBy(() -> pending.put(Segment.DID_EVENTS, b(3), b(3)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void countsWhatIsAskedOfItBySegmentAndKind() {
    StoreOperations operations = ((RocksDbKeyValueStore) store).operations();
    StoreOperations.Snapshot before = operations.snapshot();
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.CONSENT_STATE, b(1), b(1));
      tx.put(Segment.CONSENT_STATE, b(2), b(2));
      tx.get(Segment.CONSENT_INDEX, b(3));
      tx.delete(Segment.CONSENT_INDEX, b(4));
      tx.stream(Segment.CONSENT_QUEUE, b()).close();
      tx.commit();
    }
    store.get(Segment.CONSENT_STATE, b(1));
    store.stream(Segment.CONSENT_STATE, b()).close();
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.CONSENT_STATE, b(5), b(5));
      tx.rollback();
    }

    StoreOperations.Snapshot ops = operations.snapshot().minus(before);
    assertThat(ops.count(Segment.CONSENT_STATE, StoreOperations.Kind.PUT)).isEqualTo(3);
    assertThat(ops.count(Segment.CONSENT_STATE, StoreOperations.Kind.GET)).isEqualTo(1);
    assertThat(ops.count(Segment.CONSENT_STATE, StoreOperations.Kind.SCAN)).isEqualTo(1);
    assertThat(ops.count(Segment.CONSENT_INDEX, StoreOperations.Kind.GET)).isEqualTo(1);
    assertThat(ops.count(Segment.CONSENT_INDEX, StoreOperations.Kind.DELETE)).isEqualTo(1);
    assertThat(ops.count(Segment.CONSENT_QUEUE, StoreOperations.Kind.SCAN)).isEqualTo(1);
    assertThat(ops.count(Segment.DID_EVENTS, StoreOperations.Kind.GET)).isZero();
    assertThat(ops.commits()).isEqualTo(1);
  }

  @Test
  void tellsWhatItsFlushesAndCompactionsDidBySegment() {
    RocksDbKeyValueStore rocks = (RocksDbKeyValueStore) store;
    BackgroundWork before = rocks.backgroundWork();
    // 4 MiB of random bytes (incompressible): the flush must write at least that much, and the
    // compaction after it reads and writes it again.
    writeRandomValues(Segment.CONSENT_STATE, 1024, 4096);
    rocks.compact(Segment.CONSENT_STATE);

    BackgroundWork done = rocks.backgroundWork().minus(before);
    BackgroundWork.Work state = done.of(Segment.CONSENT_STATE);
    assertThat(state.flushedBytes()).isBetween(4L << 20, 5L << 20);
    assertThat(state.compactionReadBytes()).isGreaterThanOrEqualTo(4L << 20);
    assertThat(state.compactionWrittenBytes()).isGreaterThanOrEqualTo(4L << 20);
    assertThat(state.flushCpuMicros() + state.compactionCpuMicros()).isPositive();
    assertThat(done.of(Segment.DID_EVENTS).flushedBytes()).isZero();
    assertThat(done.of(Segment.DID_EVENTS).compactionWrittenBytes()).isZero();
    assertThat(done.total().flushedBytes()).isGreaterThanOrEqualTo(state.flushedBytes());
  }

  @Test
  void compactionsMoveOnlyKeysAndReferencesOfTheRecordsStoredInBlobFiles() {
    RocksDbKeyValueStore rocks = (RocksDbKeyValueStore) store;
    BackgroundWork before = rocks.backgroundWork();
    List<byte[]> values = writeRandomValues(Segment.CONSENT_RECORDS, 1024, 4096);
    rocks.compact(Segment.CONSENT_RECORDS);

    BackgroundWork.Work records = rocks.backgroundWork().minus(before).of(Segment.CONSENT_RECORDS);
    assertThat(records.flushedBytes()).as("blob files included").isBetween(4L << 20, 5L << 20);
    // 1,024 keys and blob references: tens of kilobytes, not the 4 MiB of values.
    assertThat(records.compactionWrittenBytes()).isLessThan(256L << 10);
    store.close();
    store = openStore();
    for (int i = 0; i < values.size(); i += 97) {
      assertThat(store.get(Segment.CONSENT_RECORDS, Bytes.longBytes(i))).contains(values.get(i));
    }
  }

  @Test
  void compactingKeysRemovesTheirOldValuesFromEveryFileAndRewritesOnlyTheFilesHoldingThem()
      throws IOException {
    List<byte[]> values = fillSmallFiles();
    RocksDbKeyValueStore rocks = (RocksDbKeyValueStore) store;
    List<String> before = rocks.liveFiles(Segment.CONSENT_KEYS);
    assertThat(before).hasSizeGreaterThanOrEqualTo(10);
    // Two keys close together: the memtable's flush makes a level-0 file of just their range (a
    // level-0 file is compacted whole, with every file below that overlaps its range).
    byte[] overwritten = Bytes.longBytes(1000);
    byte[] deleted = Bytes.longBytes(1003);
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.CONSENT_KEYS, overwritten, b(1));
      tx.delete(Segment.CONSENT_KEYS, deleted);
      tx.commit();
    }
    assertThat(FilesContaining.in(smallFiles(), values.get(1000))).isNotEmpty();
    assertThat(FilesContaining.in(smallFiles(), values.get(1003))).isNotEmpty();

    int ranges = rocks.compactKeys(Map.of(Segment.CONSENT_KEYS, List.of(deleted, overwritten)));

    assertThat(ranges).isEqualTo(1);
    assertThat(FilesContaining.in(smallFiles(), values.get(1000)))
        .as("the overwritten value")
        .isEmpty();
    assertThat(FilesContaining.in(smallFiles(), values.get(1003)))
        .as("the deleted value")
        .isEmpty();
    List<String> kept = new ArrayList<>(rocks.liveFiles(Segment.CONSENT_KEYS));
    kept.retainAll(before);
    assertThat(kept).as("files not rewritten").hasSizeGreaterThanOrEqualTo(before.size() - 2);
    assertThat(store.get(Segment.CONSENT_KEYS, overwritten)).contains(b(1));
    assertThat(store.get(Segment.CONSENT_KEYS, deleted)).isEmpty();
    assertThat(store.get(Segment.CONSENT_KEYS, Bytes.longBytes(1001))).contains(values.get(1001));
  }

  @Test
  void compactingKeysSpreadOverMostFilesCompactsTheSegmentWholeInOnePass() throws IOException {
    List<byte[]> values = fillSmallFiles();
    RocksDbKeyValueStore rocks = (RocksDbKeyValueStore) store;
    List<String> before = rocks.liveFiles(Segment.CONSENT_KEYS);
    List<byte[]> deleted = new ArrayList<>();
    try (Transaction tx = store.startTransaction()) {
      for (int i = 0; i < 2048; i += 64) { // one key in every ~2 files
        deleted.add(Bytes.longBytes(i));
        tx.delete(Segment.CONSENT_KEYS, Bytes.longBytes(i));
      }
      tx.commit();
    }

    assertThat(rocks.compactKeys(Map.of(Segment.CONSENT_KEYS, deleted))).isEqualTo(1);

    for (int i = 0; i < 2048; i += 64) {
      assertThat(FilesContaining.in(smallFiles(), values.get(i)))
          .as("deleted value %d", i)
          .isEmpty();
    }
    List<String> kept = new ArrayList<>(rocks.liveFiles(Segment.CONSENT_KEYS));
    kept.retainAll(before);
    assertThat(kept).as("every file rewritten").isEmpty();
  }

  private Path smallFiles() {
    return dir.resolve("small-files");
  }

  /**
   * Reopens the store with SST files of ~64 KiB and fills CONSENT_KEYS with 1 MiB of incompressible
   * values (2,048 of 512 bytes, keys 0..2047), compacted: ~16 files on the bottom level.
   */
  private List<byte[]> fillSmallFiles() {
    store.close();
    store = RocksDbKeyValueStore.open(smallFiles(), 64 << 10);
    List<byte[]> values = writeRandomValues(Segment.CONSENT_KEYS, 2048, 512);
    ((RocksDbKeyValueStore) store).compact(Segment.CONSENT_KEYS);
    return values;
  }

  private List<byte[]> writeRandomValues(Segment segment, int count, int size) {
    Random random = new Random(7);
    List<byte[]> values = new ArrayList<>();
    try (Transaction tx = store.startTransaction()) {
      for (int i = 0; i < count; i++) {
        byte[] value = new byte[size];
        random.nextBytes(value);
        values.add(value);
        tx.put(segment, Bytes.longBytes(i), value);
      }
      tx.commit();
    }
    return values;
  }

  @Test
  void createsOneColumnFamilyPerSegment() throws Exception {
    store.close();
    List<String> names;
    try (Options options = new Options()) {
      names =
          RocksDB.listColumnFamilies(options, dir.resolve("db").toString()).stream()
              .map(n -> new String(n, StandardCharsets.UTF_8))
              .toList();
    }
    assertThat(names).contains("seg-0", "seg-1", "seg-2", "seg-3", "seg-10", "seg-11");
    store = openStore();
  }

  @Test
  void closingAStreamOrTransactionFreesItsHandle() {
    RocksDbKeyValueStore rocks = (RocksDbKeyValueStore) store;
    commit(Segment.DID_EVENTS, b(1), b(1), b(2), b(2));
    try (Stream<KeyValue> s = store.stream(Segment.DID_EVENTS, b())) {
      assertThat(s.findFirst()).isPresent();
      assertThat(rocks.openHandles()).isEqualTo(2); // the iterator and its prefix bounds
    }
    try (Transaction tx = store.startTransaction()) {
      try (Stream<KeyValue> s = tx.streamReverse(Segment.DID_EVENTS, b())) {
        assertThat(s.findFirst()).isPresent();
      }
      assertThat(rocks.openHandles()).isEqualTo(1);
    }
    assertThat(rocks.openHandles()).isZero();
  }

  @Test
  void closingTheStoreFreesOpenStreamsAndTransactions() {
    commit(Segment.DID_EVENTS, b(1), b(1), b(2), b(2));
    Stream<KeyValue> stream = store.stream(Segment.DID_EVENTS, b());
    Iterator<KeyValue> it = stream.iterator();
    assertThat(it.next().key()).containsExactly(1);
    Transaction tx = store.startTransaction();
    Stream<KeyValue> txStream = tx.stream(Segment.DID_EVENTS, b());
    store.close();
    assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> txStream.findFirst()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tx.get(Segment.DID_EVENTS, b(1)))
        .isInstanceOf(IllegalStateException.class);
    stream.close();
    tx.close();
  }
}

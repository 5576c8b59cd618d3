package io.assent.testnet.bench;

import io.assent.contracts.devchain.Anvil;
import io.assent.node.store.BackgroundWork;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What the compaction an erasure owes costs as the store grows: the erasure compactor's way ({@code
 * KeyValueStore.compactKeys}: the key ranges of what the erasure wrote, or the segment whole where
 * that is cheaper) against compacting the segment whole (what the node did before).
 *
 * <p>One segment, {@code CONSENT_STATE}, filled with N entries shaped like a consent's state and
 * proof (random 32-byte keys, 600-byte random values) through ordinary synced transactions of
 * 10,000, so RocksDB's own compactions lay the levels out as a running node's would (it waits until
 * they have caught up). Then, per measurement: 20,000 more entries (the ingest since the last
 * erasure), one entry deleted, and its compaction timed, with what RocksDB's compactions read and
 * wrote ({@link BackgroundWork}). The key-range compactions are measured first: a whole compaction
 * moves every file to the bottom level, a layout a running node has only just after one.
 *
 * <p>Usage: {@code ErasureCompactionBenchmark [entries]} (default 4,000,000: ~2.5 GB).
 */
public final class ErasureCompactionBenchmark {
  private static final int VALUE_BYTES = 600;
  private static final int BATCH = 10_000;
  private static final int INGEST_BETWEEN = 20_000;
  private static final int RUNS = 3;

  private final Random random = new Random(3);

  public static void main(String[] args) throws Exception {
    int entries = (int) Bench.positiveArgument(args, "entries", 4_000_000);
    System.out.println("## Erasure compaction\n\n" + Machine.describe() + "\n");
    Path dir = Files.createTempDirectory("assent-bench-erasure-");
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir)) {
      new ErasureCompactionBenchmark().run(store, entries);
    } finally {
      Anvil.deleteRecursively(dir);
    }
  }

  private record Measure(String how, double seconds, BackgroundWork.Work work) {}

  private void run(RocksDbKeyValueStore store, int entries) throws InterruptedException {
    long started = System.nanoTime();
    List<byte[]> keys = new ArrayList<>();
    write(store, entries, keys::add);
    awaitSettled(store);
    Bench.progress(
        "filled %,d entries, compactions settled, in %.0f s",
        entries, (System.nanoTime() - started) / 1e9);
    List<Measure> measures = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      measures.add(
          measure(
              store,
              keys.get(random.nextInt(keys.size())),
              "key ranges (compactKeys)",
              key -> store.compactKeys(Map.of(Segment.CONSENT_STATE, List.of(key)))));
    }
    for (int i = 0; i < RUNS - 1; i++) {
      measures.add(
          measure(
              store,
              keys.get(random.nextInt(keys.size())),
              "whole segment (compact)",
              key -> store.compact(Segment.CONSENT_STATE)));
    }
    System.out.println(report(entries, measures));
  }

  /** Waits until RocksDB's flushes and compactions have caught up with the writes. */
  private static void awaitSettled(RocksDbKeyValueStore store) throws InterruptedException {
    while (store.backgroundWorkPending()) {
      Thread.sleep(200); // RocksDB tells no one when it is done
    }
  }

  /** Writes {@code count} random entries in synced transactions, telling each key. */
  private void write(RocksDbKeyValueStore store, int count, Consumer<byte[]> keys) {
    for (int done = 0; done < count; done += BATCH) {
      try (Transaction tx = store.startTransaction()) {
        for (int i = done; i < Math.min(count, done + BATCH); i++) {
          byte[] key = new byte[32];
          byte[] value = new byte[VALUE_BYTES];
          random.nextBytes(key);
          random.nextBytes(value);
          tx.put(Segment.CONSENT_STATE, key, value);
          keys.accept(key);
        }
        tx.commit();
      }
    }
  }

  private Measure measure(
      RocksDbKeyValueStore store, byte[] key, String how, Consumer<byte[]> compaction)
      throws InterruptedException {
    write(store, INGEST_BETWEEN, k -> {});
    awaitSettled(store);
    try (Transaction tx = store.startTransaction()) {
      tx.delete(Segment.CONSENT_STATE, key);
      tx.commit();
    }
    BackgroundWork before = store.backgroundWork();
    long started = System.nanoTime();
    compaction.accept(key);
    double seconds = (System.nanoTime() - started) / 1e9;
    BackgroundWork.Work work = store.backgroundWork().minus(before).of(Segment.CONSENT_STATE);
    Bench.require(store.get(Segment.CONSENT_STATE, key).isEmpty(), "the deleted key is back");
    Bench.progress("%s: %.1f s, %s", how, seconds, work);
    return new Measure(how, seconds, work);
  }

  private static String report(int entries, List<Measure> measures) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                """
                One segment of %,d entries (32-byte keys, %d-byte values: ~%.1f GB), %,d more
                written before each measurement, then one entry deleted and compacted:

                | compaction | time | read by compactions | written by compactions | compaction CPU |
                |---|---:|---:|---:|---:|
                """,
                entries,
                VALUE_BYTES,
                entries * (32.0 + VALUE_BYTES) / 1e9,
                INGEST_BETWEEN));
    for (Measure m : measures) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f s | %,d MB | %,d MB | %.1f s |%n",
              m.how(),
              m.seconds(),
              m.work().compactionReadBytes() >> 20,
              m.work().compactionWrittenBytes() >> 20,
              m.work().compactionCpuMicros() / 1e6));
    }
    return out.toString();
  }
}

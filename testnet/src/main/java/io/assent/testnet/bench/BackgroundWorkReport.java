package io.assent.testnet.bench;

import io.assent.node.store.BackgroundWork;
import io.assent.node.store.Segment;
import java.util.Locale;

/** What the store's flushes and compactions did, per item, as a markdown table. */
final class BackgroundWorkReport {
  private BackgroundWorkReport() {}

  /**
   * Per item, by segment: in the measured window, and over the whole run (warm-up included), which
   * smooths out where the few flushes and compactions of a run happened to fall.
   */
  static String perItem(
      BackgroundWork window, long windowItems, BackgroundWork run, long runItems, String item) {
    StringBuilder rows = new StringBuilder();
    for (Segment segment : Segment.values()) {
      BackgroundWork.Work w = run.of(segment);
      if (w.flushedBytes() + w.compactionWrittenBytes() > 0) {
        rows.append(row(segment.name(), window.of(segment), windowItems, w, runItems));
      }
    }
    rows.append(row("**all**", window.total(), windowItems, run.total(), runItems));
    return String.format(
        Locale.ROOT,
        """
        What RocksDB's flushes and compactions did, per %s, from its own statistics
        (`rocksdb.cfstats`): bytes written by flushes, bytes read and written by compactions, and
        the CPU time of each. First in the measured window (work started before it and finished in
        it is counted, work still under way at its end is not), then over the whole run, warm-up
        included.

        | segment | window: flushed | compacted (read / written) | CPU flush / compaction | run: flushed | compacted (read / written) | CPU flush / compaction |
        |---|---:|---:|---:|---:|---:|---:|
        %s""",
        item,
        rows.toString().strip());
  }

  private static String row(
      String name,
      BackgroundWork.Work window,
      long windowItems,
      BackgroundWork.Work run,
      long runItems) {
    return String.format(
        Locale.ROOT, "| %s | %s | %s |%n", name, cells(window, windowItems), cells(run, runItems));
  }

  private static String cells(BackgroundWork.Work w, long items) {
    return String.format(
        Locale.ROOT,
        "%.0f B | %.0f / %.0f B | %.1f / %.1f µs",
        (double) w.flushedBytes() / items,
        (double) w.compactionReadBytes() / items,
        (double) w.compactionWrittenBytes() / items,
        (double) w.flushCpuMicros() / items,
        (double) w.compactionCpuMicros() / items);
  }
}

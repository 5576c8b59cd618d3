package io.assent.node.store;

import java.util.EnumMap;
import java.util.Map;

/**
 * What RocksDB did in the background for each segment since the database was opened: memtable
 * flushes and compactions, in bytes and in CPU time, from RocksDB's own per-column-family
 * statistics ({@code rocksdb.cfstats}). For benchmarks: flushes and compactions happen a few times
 * a run, whenever a memtable fills or a level overflows, so their CPU per operation is only
 * comparable between runs when counted here, by what they actually did, rather than by which
 * background thread happened to run in a measured window.
 */
public final class BackgroundWork {
  private static final double BYTES_PER_GB = 1L << 30;
  private static final double MICROS_PER_SECOND = 1e6;

  private final Map<Segment, Work> bySegment;

  BackgroundWork(Map<Segment, Work> bySegment) {
    this.bySegment = bySegment;
  }

  /** A segment's work; none if RocksDB has none to tell. */
  public Work of(Segment segment) {
    return bySegment.getOrDefault(segment, Work.NONE);
  }

  /** What was done between {@code earlier} and this snapshot. */
  public BackgroundWork minus(BackgroundWork earlier) {
    Map<Segment, Work> delta = new EnumMap<>(Segment.class);
    bySegment.forEach((segment, work) -> delta.put(segment, work.minus(earlier.of(segment))));
    return new BackgroundWork(delta);
  }

  /** The sum over all segments. */
  public Work total() {
    Work sum = Work.NONE;
    for (Work work : bySegment.values()) {
      sum = sum.plus(work);
    }
    return sum;
  }

  /**
   * Flushes (memtables written out as level-0 files, blob files included) and compactions (every
   * other write of a file), each with the bytes it wrote and the CPU time it took; compactions also
   * with the bytes they read.
   */
  public record Work(
      long flushedBytes,
      long flushCpuMicros,
      long compactionReadBytes,
      long compactionWrittenBytes,
      long compactionCpuMicros) {
    static final Work NONE = new Work(0, 0, 0, 0, 0);

    /**
     * From a column family's {@code rocksdb.cfstats} map: RocksDB counts flushes under level 0
     * ({@code compaction.L0.*}) and everything under {@code compaction.Sum.*}; sizes are in GB with
     * six decimals (so to the kilobyte), CPU time in seconds.
     */
    static Work fromColumnFamilyStats(Map<String, String> stats) {
      long flushed = bytes(stats, "L0.WriteGB") + bytes(stats, "L0.WblobGB");
      long written = bytes(stats, "Sum.WriteGB") + bytes(stats, "Sum.WblobGB");
      long flushCpu = micros(stats, "L0.CompMergeCPU");
      return new Work(
          flushed,
          flushCpu,
          bytes(stats, "Sum.ReadGB") + bytes(stats, "Sum.RblobGB"),
          Math.max(0, written - flushed),
          Math.max(0, micros(stats, "Sum.CompMergeCPU") - flushCpu));
    }

    Work plus(Work other) {
      return new Work(
          flushedBytes + other.flushedBytes,
          flushCpuMicros + other.flushCpuMicros,
          compactionReadBytes + other.compactionReadBytes,
          compactionWrittenBytes + other.compactionWrittenBytes,
          compactionCpuMicros + other.compactionCpuMicros);
    }

    Work minus(Work earlier) {
      return new Work(
          flushedBytes - earlier.flushedBytes,
          flushCpuMicros - earlier.flushCpuMicros,
          compactionReadBytes - earlier.compactionReadBytes,
          compactionWrittenBytes - earlier.compactionWrittenBytes,
          compactionCpuMicros - earlier.compactionCpuMicros);
    }

    private static long bytes(Map<String, String> stats, String name) {
      return Math.round(number(stats, name) * BYTES_PER_GB);
    }

    private static long micros(Map<String, String> stats, String name) {
      return Math.round(number(stats, name) * MICROS_PER_SECOND);
    }

    private static double number(Map<String, String> stats, String name) {
      String value = stats.get("compaction." + name);
      if (value == null) {
        return 0;
      }
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}

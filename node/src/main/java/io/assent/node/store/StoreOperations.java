package io.assent.node.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what the node asks of its store (point reads, writes, deletes and scans, by segment,
 * and synced commits), through the store or its transactions. For benchmarks: unlike CPU time on a
 * shared machine, the operations per grant are the same from run to run, so a change in the work of
 * a request shows as a change in these figures.
 */
public final class StoreOperations {
  /** What was asked. */
  public enum Kind {
    GET,
    PUT,
    DELETE,
    SCAN
  }

  private static final int KINDS = Kind.values().length;

  private final LongAdder[] counts = new LongAdder[Segment.values().length * KINDS];
  private final LongAdder commits = new LongAdder();

  StoreOperations() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  void count(Segment segment, Kind kind) {
    counts[segment.ordinal() * KINDS + kind.ordinal()].increment();
  }

  void commit() {
    commits.increment();
  }

  /**
   * Counts of one transaction, kept by its one thread in a plain array and added to the shared
   * counts when it ends ({@link #add}). Why: the shared counters sit on cache lines every thread
   * writes, and the commit thread, which counts about ten operations per grant, spent a tenth of
   * its Java time incrementing them (JFR, 2026-11-30).
   */
  static final class Local {
    private final long[] counts = new long[Segment.values().length * KINDS];

    void count(Segment segment, Kind kind) {
      counts[segment.ordinal() * KINDS + kind.ordinal()]++;
    }
  }

  /** Adds a transaction's counts (once, when it ends). */
  void add(Local local) {
    for (int i = 0; i < counts.length; i++) {
      if (local.counts[i] != 0) {
        counts[i].add(local.counts[i]);
      }
    }
  }

  /** The counts so far. */
  public Snapshot snapshot() {
    long[] values = new long[counts.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = counts[i].sum();
    }
    return new Snapshot(values, commits.sum());
  }

  /** Counts at one moment; {@link #minus} gives those of an interval. */
  public record Snapshot(long[] counts, long commits) {
    public long count(Segment segment, Kind kind) {
      return counts[segment.ordinal() * KINDS + kind.ordinal()];
    }

    /** The operations between {@code earlier} and this. */
    public Snapshot minus(Snapshot earlier) {
      long[] values = new long[counts.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = counts[i] - earlier.counts[i];
      }
      return new Snapshot(values, commits - earlier.commits);
    }
  }
}

package io.assent.testnet.bench;

import java.util.Arrays;

/**
 * Per-call latencies of one measured operation, in nanoseconds. Quantiles are by nearest rank over
 * the sorted samples: the median is the value at rank ceil(n/2), p99 at rank ceil(0.99 n).
 */
final class Latencies {

  /** One operation, timed by the caller. */
  @FunctionalInterface
  interface Operation {
    void run() throws Exception;
  }

  /** What a run of an operation took: sample count, median and p99 in milliseconds. */
  record Summary(int samples, double medianMs, double p99Ms) {}

  private final long[] nanos;
  private int count;

  private Latencies(int capacity) {
    this.nanos = new long[capacity];
  }

  /** Runs {@code operation} {@code iterations} times, untimed. */
  static void warmUp(int iterations, Operation operation) {
    measure(iterations, 0, operation);
  }

  /** Runs {@code operation} {@code warmup} times untimed, then {@code iterations} times timed. */
  static Summary measure(int warmup, int iterations, Operation operation) {
    try {
      for (int i = 0; i < warmup; i++) {
        operation.run();
      }
      if (iterations == 0) {
        return new Summary(0, Double.NaN, Double.NaN);
      }
      Latencies latencies = new Latencies(iterations);
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        operation.run();
        latencies.add(System.nanoTime() - start);
      }
      return latencies.summary();
    } catch (Exception e) {
      throw new IllegalStateException("measured operation failed: " + e.getMessage(), e);
    }
  }

  private void add(long elapsedNanos) {
    nanos[count++] = elapsedNanos;
  }

  private Summary summary() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new Summary(count, millis(quantile(sorted, 0.5)), millis(quantile(sorted, 0.99)));
  }

  static long quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }
}

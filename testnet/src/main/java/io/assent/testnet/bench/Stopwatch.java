package io.assent.testnet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Times a run on the calling thread: wall clock and that thread's CPU time. */
final class Stopwatch {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long wallStart = System.nanoTime();
  private final long cpuStart = THREADS.getCurrentThreadCpuTime();

  Throughput stop(long events) {
    return new Throughput(
        events, System.nanoTime() - wallStart, THREADS.getCurrentThreadCpuTime() - cpuStart);
  }
}

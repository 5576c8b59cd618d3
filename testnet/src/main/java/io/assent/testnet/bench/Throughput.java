package io.assent.testnet.bench;

import java.util.Locale;

/**
 * How many events one run handled, how long it took, and the CPU time of the thread that ran it (on
 * a shared machine, wall time includes waiting for a core; CPU time does not).
 */
record Throughput(long events, long nanos, long cpuNanos) {

  double seconds() {
    return nanos / 1e9;
  }

  double cpuSeconds() {
    return cpuNanos / 1e9;
  }

  /** Events per second of the calling thread's CPU time: what an idle core would reach. */
  double eventsPerCpuSecond() {
    return events / cpuSeconds();
  }

  double eventsPerSecond() {
    return events / seconds();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%,d events in %.3f s (%.3f s CPU) = %,.0f events/s",
        events,
        seconds(),
        cpuSeconds(),
        eventsPerSecond());
  }
}

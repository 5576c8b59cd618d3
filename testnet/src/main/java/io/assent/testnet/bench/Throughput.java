package io.assent.testnet.bench;

import java.util.Locale;

/** How many events one run handled, and how long it took. */
record Throughput(long events, long nanos) {

  double seconds() {
    return nanos / 1e9;
  }

  double eventsPerSecond() {
    return events / seconds();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%,d events in %.3f s = %,.0f events/s", events, seconds(), eventsPerSecond());
  }
}

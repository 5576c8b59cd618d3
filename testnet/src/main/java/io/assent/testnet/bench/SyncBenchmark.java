package io.assent.testnet.bench;

import io.assent.node.chain.FollowerConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chain sync throughput: E DID registry events (default 20,000) are mined on a dev chain, then read
 * back (a) raw, by eth_getLogs in the follower's range size, and (b) by the node's sync path from
 * scratch (chain follower + identity indexer + RocksDB). One warm-up run of each, then {@value
 * #RUNS} timed runs, alternating. Prints a markdown report; the goal is tens of thousands of events
 * per second.
 *
 * <p>Usage: {@code SyncBenchmark [events]}.
 */
public final class SyncBenchmark {
  static final int DEFAULT_EVENTS = 20_000;
  static final int IDENTITIES = 200;
  static final int RUNS = 3;
  static final double GOAL_EVENTS_PER_SECOND = 10_000;

  private SyncBenchmark() {}

  public static void main(String[] args) {
    Bench.quietLogging();
    int events = (int) Bench.positiveArgument(args, "events", DEFAULT_EVENTS);
    System.out.println("## Chain sync\n\n" + Machine.describe() + "\n");
    System.out.println(run(events));
    System.exit(0); // web3j leaves non-daemon threads behind
  }

  private static String run(int events) {
    int rangeSize = FollowerConfig.DEFAULT_MAX_BLOCK_RANGE;
    try (BenchChain chain = BenchChain.start()) {
      long started = System.nanoTime();
      long from = chain.deploymentBlock();
      long to = new EventGenerator(chain).generate(events, Math.min(IDENTITIES, events));
      double seconds = (System.nanoTime() - started) / 1e9;
      Bench.progress(
          "mined %,d events in blocks %d..%d in %.1f s (%,.0f tx/s)",
          events, from, to, seconds, events / seconds);
      String rpcUrl = chain.anvil().rpcUrl();
      String registry = chain.registry().address();
      List<Throughput> fetches = new ArrayList<>();
      List<Throughput> syncs = new ArrayList<>();
      for (int run = 0; run <= RUNS; run++) {
        Throughput fetch = LogFetch.run(chain.anvil().web3j(), registry, from, to, rangeSize);
        Throughput sync = FollowerSync.run(rpcUrl, registry, from, rangeSize);
        check(events, fetch, "eth_getLogs");
        check(events, sync, "the follower");
        Bench.progress("%s: fetch %s; sync %s", run == 0 ? "warm-up" : "run " + run, fetch, sync);
        if (run > 0) {
          fetches.add(fetch);
          syncs.add(sync);
        }
      }
      return report(events, to - from + 1, rangeSize, fetches, syncs);
    }
  }

  private static void check(int expected, Throughput measured, String who) {
    if (measured.events() != expected) {
      throw new IllegalStateException(
          who + " saw " + measured.events() + " events, " + expected + " were mined");
    }
  }

  private static String report(
      int events, long blocks, int rangeSize, List<Throughput> fetches, List<Throughput> syncs) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%,d relayed setAttribute events over %d identities in %d blocks; ranges of %,d"
                + " blocks (the follower's default).%n%n",
            events,
            Math.min(IDENTITIES, events),
            blocks,
            rangeSize));
    out.append("| run | raw eth_getLogs (events/s) | follower + index from scratch (events/s)")
        .append(" | wall time of the sync | sync / raw | sync per CPU second of its thread |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < fetches.size(); i++) {
      out.append(row("run " + (i + 1), fetches.get(i), syncs.get(i)));
    }
    Throughput fetch = median(fetches);
    Throughput sync = median(syncs);
    out.append(row("**median**", fetch, sync));
    out.append(
        String.format(
            Locale.ROOT,
            "%nRates are events over wall time, except the last column: events over the CPU time"
                + " of the thread that ran the follower (excludes anvil, RocksDB's own threads and"
                + " waiting for a core on a busy machine). The median row is the median"
                + " fetch and the median sync (by events/s).%n"
                + "%nGoal: tens of thousands of events per second (at least %,.0f) from a local chain."
                + " The follower: %,.0f events/s, %s.%n",
            GOAL_EVENTS_PER_SECOND,
            sync.eventsPerSecond(),
            sync.eventsPerSecond() >= GOAL_EVENTS_PER_SECOND ? "met" : "MISSED"));
    return out.toString();
  }

  private static String row(String label, Throughput fetch, Throughput sync) {
    return String.format(
        Locale.ROOT,
        "| %s | %,.0f | %,.0f | %.2f s | %.2f | %,.0f |%n",
        label,
        fetch.eventsPerSecond(),
        sync.eventsPerSecond(),
        sync.seconds(),
        sync.eventsPerSecond() / fetch.eventsPerSecond(),
        sync.eventsPerCpuSecond());
  }

  private static Throughput median(List<Throughput> runs) {
    List<Throughput> sorted =
        runs.stream().sorted(Comparator.comparingDouble(Throughput::eventsPerSecond)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }
}

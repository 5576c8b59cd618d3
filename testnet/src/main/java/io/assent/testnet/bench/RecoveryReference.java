package io.assent.testnet.bench;

import io.assent.contracts.consent.ConsentTypedData;
import io.assent.testnet.ConsentRequests;
import io.assent.testnet.ConsentRequests.SignedGrant;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ingest benchmark's reference: the raw secp256k1 recovery rate of this machine, {@link
 * ConsentTypedData#recover} (EIP-712 hash and web3j/Bouncy Castle recovery, the node's own code
 * path) in a tight loop over signed grants, on a given number of threads, with the CPU time of one
 * recovery; and the warning when it drifted during a run.
 */
final class RecoveryReference {
  /**
   * How long the reference's threads recover, all of them at once, per measurement. A fixed time,
   * not a fixed count per thread: with a count, a thread that the scheduler slowed finishes alone,
   * and the tail it runs on one core lowers the 2-thread rate (which would flatter the ratio).
   */
  private static final Duration RECOVERY_WINDOW = Duration.ofSeconds(3);

  private static final Duration RECOVERY_WARM_UP = Duration.ofMillis(500);

  /** How far the reference's rates before and after the ingest may differ (see driftWarning). */
  private static final double DRIFT_TOLERANCE = 0.25;

  private RecoveryReference() {}

  /**
   * Recoveries per second (wall clock) and CPU per recovery, microseconds; for a mean, the two
   * measurements it is the mean of.
   */
  record Recovery(double perSecond, double cpuMicros, Recovery before, Recovery after) {
    Recovery(double perSecond, double cpuMicros) {
      this(perSecond, cpuMicros, null, null);
    }

    Recovery mean(Recovery later) {
      return new Recovery(
          (perSecond + later.perSecond) / 2, (cpuMicros + later.cpuMicros) / 2, this, later);
    }
  }

  /** Recoveries over {@code threads} threads, after a warm-up on one. */
  static Recovery measure(ConsentRequests requests, List<SignedGrant> grants, int threads)
      throws InterruptedException {
    runRecoveries(requests, grants, 1, RECOVERY_WARM_UP);
    RecoveryRun run = runRecoveries(requests, grants, threads, RECOVERY_WINDOW);
    return new Recovery(
        run.recoveries() / (run.wallNanos() / 1e9), run.cpuNanos() / 1e3 / run.recoveries());
  }

  /** What {@link #runRecoveries} did: recoveries, their threads' CPU time, wall time. */
  private record RecoveryRun(long recoveries, long cpuNanos, long wallNanos) {}

  /**
   * Each of {@code threads} threads recovers signers, from its own place in {@code grants}, until
   * {@code window} has passed since the first started; the wall time runs until the last stopped.
   */
  private static RecoveryRun runRecoveries(
      ConsentRequests requests, List<SignedGrant> grants, int threads, Duration window)
      throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong cpu = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicReference<String> wrong = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    long deadline = start + window.toNanos();
    for (int t = 0; t < threads; t++) {
      int offset = t * (grants.size() / threads);
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    long n = 0;
                    while (System.nanoTime() < deadline && wrong.get() == null) {
                      SignedGrant g = grants.get((int) ((offset + n) % grants.size()));
                      String signer =
                          ConsentTypedData.recover(requests.domain(), g.grant(), g.signature());
                      if (!signer.equalsIgnoreCase(g.grant().subject())) {
                        wrong.compareAndSet(null, signer);
                      }
                      n++;
                    }
                    done.addAndGet(n);
                    cpu.addAndGet(mx.getCurrentThreadCpuTime());
                  }));
    }
    for (Thread w : workers) {
      w.join();
    }
    if (wrong.get() != null) {
      throw new IllegalStateException("a reference recovery gave another signer: " + wrong.get());
    }
    return new RecoveryRun(done.get(), cpu.get(), System.nanoTime() - start);
  }

  /**
   * A warning when the reference's 2-thread rate before the ingest and after it differ by more than
   * {@link #DRIFT_TOLERANCE}: the machine's speed changed during the run, so the wall-clock ratio
   * (which divides by their mean) is not to be trusted, and the CPU ratios above are the figure. In
   * one run the rate was 4,891/s before and 7,050/s after, and the wall-clock ratio read 0.68
   * against 0.57 by CPU time (2026-11-30, 13:01 UTC).
   */
  static String driftWarning(Recovery two) {
    double before = two.before().perSecond();
    double after = two.after().perSecond();
    double drift = Math.abs(after - before) / Math.min(before, after);
    return drift <= DRIFT_TOLERANCE
        ? ""
        : String.format(
            Locale.ROOT,
            "**The reference's rate moved by %.0f%% during the run (%,.0f/s before, %,.0f/s"
                + " after): the machine's speed changed, so the wall-clock ratio above is not"
                + " reliable; the CPU ratios are.**%n%n",
            drift * 100,
            before,
            after);
  }
}

package io.assent.node.consent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ErasureCompactions} on a thread of its own: at once when started (for erasures a
 * stopped node still owed), then every {@code interval} after the previous round ended. However
 * many erasures arrive, the node runs at most one compaction at a time for them.
 */
public final class ErasureCompactor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ErasureCompactor.class);

  private final ErasureCompactions compactions;
  private final Duration interval;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "erasure-compaction");
            t.setDaemon(true);
            return t;
          });

  private ErasureCompactor(ErasureCompactions compactions, Duration interval) {
    this.compactions = compactions;
    this.interval = interval;
  }

  /** Starts serving {@code compactions}: a first round now, then one every {@code interval}. */
  public static ErasureCompactor start(ErasureCompactions compactions, Duration interval) {
    ErasureCompactor compactor = new ErasureCompactor(compactions, interval);
    compactor.thread.scheduleWithFixedDelay(
        compactor::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return compactor;
  }

  private void round() {
    try {
      long started = System.nanoTime();
      ErasureCompactions.Served served = compactions.compactIfOwed();
      if (served.erasures() > 0) {
        LOG.info(
            "compacted the private segments for {} erasure(s) in {} ms ({})",
            served.erasures(),
            (System.nanoTime() - started) / 1_000_000,
            served.whole()
                ? "whole, for an erasure made before the node started"
                : served.compactions() + " compaction(s) of key ranges or segments");
      }
    } catch (RuntimeException e) {
      // The erasures stay owed; the next round tries again.
      LOG.warn("the compaction for erasures failed; trying again in {}", interval, e);
    }
  }

  /** Stops the rounds, waiting for one under way (a compaction cannot be interrupted). */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

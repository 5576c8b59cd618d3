package io.assent.node.chain;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sync steps on one thread of its own: straight on while there is work, every poll interval
 * once up to date (or after the chain moved under a step), and with exponential backoff (up to a
 * cap) while steps fail, warning once when failures start and once when they end. Stops for good on
 * a {@link DeepReorgException}.
 */
final class SyncLoop {

  private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

  private final Supplier<SyncStep> step;
  private final Duration pollInterval;
  private final Duration maxBackoff;
  private final Object wakeUp = new Object();
  private volatile boolean running;
  private Thread thread;

  SyncLoop(Supplier<SyncStep> step, Duration pollInterval, Duration maxBackoff) {
    this.step = step;
    this.pollInterval = pollInterval;
    this.maxBackoff = maxBackoff;
  }

  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the chain follower is already started");
    }
    running = true;
    thread = Thread.ofPlatform().name("chain-follower").daemon(true).start(this::run);
  }

  /** Stops the loop and waits for the step in progress, if any, to finish. */
  synchronized void stop() {
    running = false;
    if (thread == null) {
      return;
    }
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    try {
      thread.join(Duration.ofSeconds(10));
      if (thread.isAlive()) {
        thread.interrupt(); // a JSON-RPC call hanging past its timeouts
        thread.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    int failures = 0;
    while (running) {
      SyncStep result;
      try {
        result = step.get();
      } catch (DeepReorgException e) {
        LOG.error("chain follower halted: {}", e.getMessage());
        return;
      } catch (RuntimeException e) {
        LOG.error("chain follower step failed unexpectedly", e);
        result = new SyncStep.Failed(String.valueOf(e), true);
      }
      if (result instanceof SyncStep.Failed failed) {
        if (failures++ == 0) {
          LOG.warn("chain sync failing, retrying with backoff: {}", failed.error());
        }
        pause(backoff(failures));
        continue;
      }
      if (failures > 0) {
        LOG.info("chain sync recovered after {} failed attempts", failures);
        failures = 0;
      }
      // After a reorg mid-fetch, wait a poll too: an endpoint that keeps answering
      // inconsistently (load-balanced nodes at different heights) must not be hammered.
      if (result instanceof SyncStep.UpToDate || result instanceof SyncStep.ChainMoved) {
        pause(pollInterval);
      }
    }
  }

  private Duration backoff(int failures) {
    Duration wait = pollInterval.multipliedBy(1L << Math.min(failures - 1, 16));
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  private void pause(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    synchronized (wakeUp) {
      long left;
      while (running && (left = deadline - System.nanoTime()) > 0) {
        try {
          wakeUp.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }
}

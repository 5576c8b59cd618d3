package io.assent.node.anchor;

import io.assent.node.chain.ChainFollower;
import io.assent.node.chain.IndexRebuild;
import io.assent.node.store.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors queued consent leaves and withdrawals: closes a batch once N entries wait or the oldest
 * has waited T, sends one {@code anchor} transaction per batch, and stores each leaf's proof once
 * the chain index (at head - K) holds the root (see {@link BatchQueue}, {@link BatchTracker}).
 * Everything it needs to resume is in the store: after a restart it picks up every batch where it
 * was.
 *
 * <p>{@link #runOnce()} is one round, for tests and for the loop {@link #start()} runs on its own
 * thread (straight on while there is work, every poll interval otherwise, with exponential backoff
 * while the chain fails). {@link #status()} is safe from any thread.
 */
public final class Anchorer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Anchorer.class);
  // How many blocks apart confirmed batches are checked without a rollback (at most).
  private static final long CONFIRMED_CHECK_BLOCKS = 100;

  private final KeyValueStore store;
  private final AnchorerConfig config;
  private final Clock clock;
  private final BatchQueue queue;
  private final BatchTracker tracker;
  private final Object wakeUp = new Object();
  private volatile AnchorerStatus status = new AnchorerStatus(true, 0, 0, 0, true, null, -1);
  private volatile boolean running;
  private Instant queuedSince;
  private volatile Thread thread;
  // Confirmed batches are checked on the first round, after the index was rolled back, and every
  // few blocks (to prune them): not every round, since they are many.
  private volatile boolean checkConfirmed = true;
  private long confirmedCheckedAt;

  public Anchorer(KeyValueStore store, AnchorChain chain, AnchorerConfig config, Clock clock) {
    this(store, chain, config, clock, AnchorListener.NONE);
  }

  /**
   * @param listener told of each leaf anchored or un-anchored, inside the same transaction
   */
  public Anchorer(
      KeyValueStore store,
      AnchorChain chain,
      AnchorerConfig config,
      Clock clock,
      AnchorListener listener) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    RecentTrees trees = new RecentTrees();
    this.queue = new BatchQueue(store, trees);
    this.tracker = new BatchTracker(store, chain, config, listener, trees);
  }

  /**
   * One round: maybe close a batch, then advance every batch. Returns true when it closed a batch
   * (more may be due at once). Throws {@link AnchorChainException} when the chain failed; the store
   * is consistent either way.
   */
  public synchronized boolean runOnce() {
    boolean closed = false;
    try {
      OptionalLong replaying = IndexRebuild.replayingUntil(store);
      if (replaying.isPresent()) {
        // The index was rebuilt and has not re-synced as far as the old one had: that it lacks a
        // batch's root proves nothing yet, so advancing could reset confirmed batches or re-send
        // anchored ones. Consents are still taken and queued meanwhile.
        checkConfirmed = true; // once it is back: a root the old index had may be gone
        publish(true, null, replaying.getAsLong());
        return false;
      }
      closed = closeIfDue();
      List<Batch> inFlight = tracker.inFlight();
      if (!inFlight.isEmpty() || tracker.holdsConfirmed()) {
        long head = chainHead();
        inFlight.forEach(batch -> tracker.advance(batch, head));
        checkConfirmedIfDue(head);
      }
      publish(true, null);
      return closed;
    } catch (AnchorChainException e) {
      publish(false, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      publish(true, String.valueOf(e));
      throw e;
    }
  }

  private long chainHead() {
    return tracker.head();
  }

  /**
   * Tells the anchorer that the chain index was rolled back (a reorg): the roots of confirmed
   * batches may be gone from it, so the next round checks them all. Safe from any thread.
   */
  public void indexRolledBack() {
    checkConfirmed = true;
  }

  /**
   * Has {@code follower}, the one that indexes this anchorer's contract, call {@link
   * #indexRolledBack} whenever it rolls the index back (its synced block goes down).
   */
  public void follow(ChainFollower follower) {
    long[] last = {-1}; // the follower calls its listeners on its own thread, one at a time
    follower.onApplied(
        block -> {
          if (block < last[0]) {
            indexRolledBack();
          }
          last[0] = block;
        });
  }

  private void checkConfirmedIfDue(long head) {
    long every = Math.max(1, Math.min(CONFIRMED_CHECK_BLOCKS, config.pruneAfterBlocks() / 10));
    if (!checkConfirmed && head - confirmedCheckedAt < every) {
      return;
    }
    checkConfirmed = false; // before the check: a rollback signalled during it asks again
    try {
      tracker.checkConfirmed(head);
      confirmedCheckedAt = head;
    } catch (RuntimeException e) {
      checkConfirmed = true;
      throw e;
    }
  }

  private boolean closeIfDue() {
    long waiting = queue.queuedLeaves() + queue.queuedWithdrawals();
    if (waiting == 0) {
      queuedSince = null;
      return false;
    }
    Instant now = clock.instant();
    if (queuedSince == null) {
      queuedSince = now;
    }
    boolean full = waiting >= config.batchSize();
    boolean waitedLongEnough = !now.isBefore(queuedSince.plus(config.maxWait()));
    if (!full && !waitedLongEnough) {
      return false;
    }
    boolean closed = queue.close(config.batchSize()).isPresent();
    queuedSince = waiting > config.batchSize() ? now : null;
    return closed;
  }

  private void publish(boolean reachable, String error) {
    publish(reachable, error, -1);
  }

  private void publish(boolean reachable, String error, long waitsForIndexAt) {
    long pending = tracker.pending();
    status =
        new AnchorerStatus(
            true,
            queue.queuedLeaves(),
            queue.queuedWithdrawals(),
            pending,
            reachable,
            error,
            waitsForIndexAt);
  }

  public AnchorerStatus status() {
    return status;
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the anchorer is already started");
    }
    running = true;
    thread = Thread.ofPlatform().name("anchorer").daemon(true).start(this::loop);
  }

  private void loop() {
    int failures = 0;
    while (running) {
      try {
        boolean more = runOnce();
        if (failures > 0) {
          LOG.info("anchoring recovered after {} failed rounds", failures);
          failures = 0;
        }
        if (!more) {
          pause(config.pollInterval());
        }
      } catch (RuntimeException e) {
        if (failures++ == 0) {
          LOG.warn("anchoring failing, retrying with backoff: {}", e.getMessage());
        }
        pause(backoff(config.pollInterval(), config.maxBackoff(), failures));
      }
    }
  }

  /** The pause after {@code failures} failed rounds in a row: doubling from the poll interval. */
  static Duration backoff(Duration pollInterval, Duration maxBackoff, int failures) {
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

  /** Stops the loop and waits for the round in progress. Safe to call twice. */
  @Override
  public void close() {
    running = false;
    Thread current = thread;
    if (current == null) {
      return;
    }
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    try {
      current.join(Duration.ofSeconds(10));
      if (current.isAlive()) {
        current.interrupt();
        current.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

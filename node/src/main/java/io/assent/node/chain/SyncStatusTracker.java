package io.assent.node.chain;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the latest {@link SyncStatus} for readers on any thread, tells listeners about each commit,
 * and lets callers wait for a block.
 */
final class SyncStatusTracker {

  private static final Logger LOG = LoggerFactory.getLogger(SyncStatusTracker.class);

  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
  private SyncStatus status;

  SyncStatusTracker(SyncCursor cursor) {
    this.status =
        new SyncStatus(
            -1, cursor.blockNumber(), cursor.blockHash(), cursor.indexDigest(), false, null, false);
  }

  synchronized SyncStatus current() {
    return status;
  }

  /** The endpoint answered with this head. */
  void headSeen(long head) {
    update(
        s ->
            new SyncStatus(
                head,
                s.syncedBlock(),
                s.syncedBlockHash(),
                s.indexDigest(),
                true,
                s.lastError(),
                s.halted()));
  }

  /** A step ended without a commit; {@code error} null means it was fine (nothing to do). */
  void failed(boolean reachable, String error) {
    update(
        s ->
            new SyncStatus(
                s.chainHead(),
                s.syncedBlock(),
                s.syncedBlockHash(),
                s.indexDigest(),
                reachable,
                error,
                s.halted()));
  }

  /** The follower stopped for good. */
  void halted(String error) {
    update(
        s ->
            new SyncStatus(
                s.chainHead(),
                s.syncedBlock(),
                s.syncedBlockHash(),
                s.indexDigest(),
                true,
                error,
                true));
  }

  private synchronized void update(UnaryOperator<SyncStatus> change) {
    status = change.apply(status);
    notifyAll();
  }

  /** Publishes a committed cursor, then calls the listeners (on the caller's thread). */
  void committed(SyncCursor cursor) {
    update(
        s ->
            new SyncStatus(
                s.chainHead(),
                cursor.blockNumber(),
                cursor.blockHash(),
                cursor.indexDigest(),
                true,
                null,
                false));
    for (LongConsumer listener : listeners) {
      try {
        listener.accept(cursor.blockNumber());
      } catch (RuntimeException e) {
        LOG.warn("a sync listener failed at block {}", cursor.blockNumber(), e);
      }
    }
  }

  void addListener(LongConsumer listener) {
    listeners.add(listener);
  }

  synchronized boolean awaitSynced(long block, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (status.syncedBlock() < block) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}

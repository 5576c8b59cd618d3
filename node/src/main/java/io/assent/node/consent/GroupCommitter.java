package io.assent.node.consent;

import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Group commit: concurrent writers share one synced commit. Each unit of work runs, one after
 * another on the committer's thread, inside one shared transaction (so each sees the writes of the
 * units before it, and check-then-write needs no lock); then the transaction is committed once, and
 * only then does every caller get its result. A unit that throws changes nothing provided it throws
 * before it writes (the consent service checks first, then writes); the others still commit. If the
 * commit fails, every caller of the group gets the failure.
 *
 * <p>Why: a synced write costs about a millisecond or more on common disks, and accepting a consent
 * needs one; sharing it lets acceptance keep up with signature recovery.
 */
final class GroupCommitter implements AutoCloseable {
  /** The most units one commit carries. */
  static final int MAX_GROUP = 256;

  private final KeyValueStore store;
  private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  GroupCommitter(KeyValueStore store) {
    this.store = store;
    this.thread = new Thread(this::loop, "consent-commit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Runs {@code work} in the next group's transaction; returns after that group committed. */
  <T> T run(Function<Transaction, T> work) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    Unit<T> unit = new Unit<>(work);
    queue.add(unit);
    try {
      return unit.result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private void loop() {
    List<Unit<?>> group = new ArrayList<>();
    while (!closed) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      queue.drainTo(group, MAX_GROUP - 1);
      commit(group);
      group.clear();
    }
    for (Unit<?> unit : queue) {
      unit.result.completeExceptionally(new IllegalStateException("closed"));
    }
  }

  private void commit(List<Unit<?>> group) {
    List<Runnable> completions = new ArrayList<>(group.size());
    try (Transaction tx = store.startTransaction()) {
      for (Unit<?> unit : group) {
        completions.add(unit.apply(tx));
      }
      tx.commit();
    } catch (RuntimeException e) {
      group.forEach(unit -> unit.result.completeExceptionally(e));
      return;
    }
    completions.forEach(Runnable::run);
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }

  /** One caller's work and the future it waits on. */
  private static final class Unit<T> {
    final Function<Transaction, T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Unit(Function<Transaction, T> work) {
      this.work = work;
    }

    /** Runs the work; returns what completes the caller once the group is durable. */
    Runnable apply(Transaction tx) {
      try {
        T value = work.apply(tx);
        return () -> result.complete(value);
      } catch (RuntimeException e) {
        return () -> result.completeExceptionally(e);
      }
    }
  }
}

package io.assent.node.consent;

import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
 *
 * <p>Callers announce a unit before their slow checks ({@link #expect}); while announced units are
 * still to come, the commit thread waits for them, at most {@link #MAX_LINGER} per group, so they
 * share the sync instead of each paying one (the ingest benchmark measured 0.44 syncs per grant
 * with 8 clients without this). A caller that will not submit after all calls {@link #unexpect}.
 *
 * <p>After a group's units and before its commit, the owner's {@code finish} step writes what the
 * units left to be written once per group (the consent service's summed tallies); if it throws, the
 * whole group fails.
 *
 * <p>A group with a unit of {@link Scope#ANCHORED} runs and commits holding the {@link
 * SummaryWriters}, which the anchorer also takes for its transactions; a group of {@link Scope#OWN}
 * units only (new consents, the busy path) does not wait for the anchorer. Why: the anchorer holds
 * the writers while it stores a whole batch's proofs and syncs them; a commit thread that waited
 * for it stalled every request behind it, and the ingest benchmark saw the cores idle meanwhile.
 */
final class GroupCommitter implements AutoCloseable {
  /** The most units one commit carries. */
  static final int MAX_GROUP = 256;

  /** The longest the commit thread waits for announced units before it syncs a group. */
  static final Duration MAX_LINGER = Duration.ofMillis(2);

  private static final long POLL_NANOS = 100_000;

  /** What a unit may share with the anchorer's transactions. */
  enum Scope {
    /**
     * Reads or changes what the anchorer writes too (a leaf's proof, the anchored tally):
     * withdrawals and erasures. Its group holds the {@link SummaryWriters}.
     */
    ANCHORED,
    /**
     * Reads and writes nothing the anchorer writes: accepting a new consent (its own record, state
     * and indexes, the leaf queue's tail, the accepted tallies).
     */
    OWN
  }

  private final KeyValueStore store;
  private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicInteger coming = new AtomicInteger();
  private final AtomicLong commits = new AtomicLong();
  private final long lingerNanos;
  private final Consumer<Transaction> finish;
  private final SummaryWriters writers;
  private volatile boolean closed;

  GroupCommitter(KeyValueStore store) {
    this(store, MAX_LINGER);
  }

  GroupCommitter(KeyValueStore store, Duration linger) {
    this(store, linger, tx -> {}, new SummaryWriters());
  }

  /**
   * @param finish runs on the commit thread in each group's transaction after its units, before the
   *     commit
   * @param writers held from a group's first unit to its commit (not while it lingers)
   */
  GroupCommitter(
      KeyValueStore store, Duration linger, Consumer<Transaction> finish, SummaryWriters writers) {
    this.store = store;
    this.lingerNanos = linger.toNanos();
    this.finish = finish;
    this.writers = writers;
    this.thread = new Thread(this::loop, "consent-commit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Announces a unit this thread will {@link #runExpected} (or {@link #unexpect}) soon. */
  void expect() {
    coming.incrementAndGet();
  }

  /** Withdraws an announcement: this thread will not submit after all. */
  void unexpect() {
    coming.decrementAndGet();
  }

  /** {@link #run} for a caller that announced its unit with {@link #expect}. */
  <T> T runExpected(Scope scope, Function<Transaction, T> work) {
    return submit(scope, work, true);
  }

  /** Runs {@code work} in the next group's transaction; returns after that group committed. */
  <T> T run(Scope scope, Function<Transaction, T> work) {
    return submit(scope, work, false);
  }

  /**
   * Queues every unit of {@code works} at once, so that they share groups (a batch arrives whole,
   * so it needs no announcement); each future completes once its unit's group has committed, with
   * the unit's value or its exception. Units are independent: one that throws stops no other.
   */
  <T> List<CompletableFuture<T>> submitAll(Scope scope, List<Function<Transaction, T>> works) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    List<Unit<T>> units = new ArrayList<>(works.size());
    List<CompletableFuture<T>> results = new ArrayList<>(works.size());
    for (Function<Transaction, T> work : works) {
      Unit<T> unit = new Unit<>(scope, work);
      units.add(unit);
      results.add(unit.result);
    }
    queue.addAll(units);
    failQueuedIfClosed();
    return results;
  }

  /**
   * A unit queued just as the committer closed may have missed the loop's last look at the queue:
   * the submitter fails it here, so that no caller waits for ever. (Each unit is taken from the
   * queue once, by the loop or here.)
   */
  private void failQueuedIfClosed() {
    if (closed) {
      for (Unit<?> unit = queue.poll(); unit != null; unit = queue.poll()) {
        unit.result.completeExceptionally(new IllegalStateException("closed"));
      }
    }
  }

  /** Groups committed so far (each one synced write). */
  long commits() {
    return commits.get();
  }

  private <T> T submit(Scope scope, Function<Transaction, T> work, boolean expected) {
    if (closed) {
      if (expected) {
        unexpect();
      }
      throw new IllegalStateException("closed");
    }
    Unit<T> unit = new Unit<>(scope, work);
    queue.add(unit);
    if (expected) {
      unexpect();
    }
    failQueuedIfClosed();
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
      linger(group);
      commit(group);
      group.clear();
    }
    for (Unit<?> unit = queue.poll(); unit != null; unit = queue.poll()) {
      unit.result.completeExceptionally(new IllegalStateException("closed"));
    }
  }

  /** Adds the announced units that arrive within the linger time (or until none is announced). */
  private void linger(List<Unit<?>> group) {
    long deadline = System.nanoTime() + lingerNanos;
    while (group.size() < MAX_GROUP && coming.get() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      Unit<?> next;
      try {
        next = queue.poll(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (next != null) {
        group.add(next);
        queue.drainTo(group, MAX_GROUP - group.size());
      }
    }
  }

  private void commit(List<Unit<?>> group) {
    List<Runnable> completions = new ArrayList<>(group.size());
    try {
      if (group.stream().anyMatch(unit -> unit.scope == Scope.ANCHORED)) {
        writers.run(() -> runAndCommit(group, completions));
      } else {
        runAndCommit(group, completions);
      }
    } catch (RuntimeException e) {
      group.forEach(unit -> unit.result.completeExceptionally(e));
      return;
    }
    completions.forEach(Runnable::run);
  }

  private void runAndCommit(List<Unit<?>> group, List<Runnable> completions) {
    try (Transaction tx = store.startTransaction()) {
      for (Unit<?> unit : group) {
        completions.add(unit.apply(tx));
      }
      finish.accept(tx);
      tx.commit();
      commits.incrementAndGet();
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }

  /** One caller's work and the future it waits on. */
  private static final class Unit<T> {
    final Scope scope;
    final Function<Transaction, T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Unit(Scope scope, Function<Transaction, T> work) {
      this.scope = scope;
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

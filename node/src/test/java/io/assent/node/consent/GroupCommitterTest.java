package io.assent.node.consent;

import static io.assent.node.consent.GroupCommitter.Scope.ANCHORED;
import static io.assent.node.consent.GroupCommitter.Scope.OWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {
  private static final byte[] CLAIM = "claim".getBytes(StandardCharsets.UTF_8);

  @Test
  void concurrentCheckThenWriteLetsExactlyOneClaimWin() throws Exception {
    try (InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        GroupCommitter committer = new GroupCommitter(store)) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      AtomicInteger refused = new AtomicInteger();
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        byte[] who = new byte[] {(byte) i};
        results.add(
            pool.submit(
                () -> {
                  try {
                    return committer.run(
                        ANCHORED,
                        tx -> {
                          if (tx.get(Segment.CONSENT_INDEX, CLAIM).isPresent()) {
                            throw new IllegalStateException("taken");
                          }
                          tx.put(Segment.CONSENT_INDEX, CLAIM, who);
                          tx.put(Segment.CONSENT_STATE, who, who);
                          return true;
                        });
                  } catch (IllegalStateException e) {
                    refused.incrementAndGet();
                    return false;
                  }
                }));
      }
      int won = 0;
      for (Future<Boolean> result : results) {
        won += result.get() ? 1 : 0;
      }
      pool.shutdown();
      assertThat(won).isEqualTo(1);
      assertThat(refused.get()).isEqualTo(63);
      byte[] winner = store.get(Segment.CONSENT_INDEX, CLAIM).orElseThrow();
      try (var states = store.stream(Segment.CONSENT_STATE, new byte[0])) {
        assertThat(states.count()).as("only the winner wrote").isEqualTo(1);
      }
      assertThat(store.get(Segment.CONSENT_STATE, winner)).isPresent();
    }
  }

  @Test
  void everySubmitterRacingACloseGetsAnAnswer() throws Exception {
    for (int round = 0; round < 50; round++) {
      try (InMemoryKeyValueStore store = new InMemoryKeyValueStore()) {
        GroupCommitter committer = new GroupCommitter(store);
        // Daemon threads: should a submitter hang, the failed test must not keep the JVM alive.
        ExecutorService pool =
            Executors.newFixedThreadPool(4, r -> Thread.ofPlatform().daemon().unstarted(r));
        List<Future<?>> submitters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          submitters.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 200; i++) {
                      try {
                        if (thread % 2 == 0) {
                          committer.run(ANCHORED, tx -> true);
                        } else {
                          committer
                              .submitAll(OWN, List.of(tx -> true, tx -> true))
                              .forEach(f -> f.handle((v, e) -> v).join());
                        }
                      } catch (IllegalStateException closed) {
                        // submitted after the close: refused, as it should be
                      }
                    }
                  }));
        }
        committer.close();
        for (Future<?> submitter : submitters) {
          submitter.get(10, TimeUnit.SECONDS); // a unit lost in the close would wait for ever
        }
        pool.shutdown();
      }
    }
  }

  @Test
  void aRefusedUnitChangesNothingAndTheCallerSeesItsException() {
    try (InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        GroupCommitter committer = new GroupCommitter(store)) {
      assertThatThrownBy(
              () ->
                  committer.run(
                      ANCHORED,
                      tx -> {
                        throw new IllegalArgumentException("refused");
                      }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("refused");
      java.util.Optional<byte[]> claim =
          committer.run(ANCHORED, tx -> tx.get(Segment.CONSENT_INDEX, CLAIM));
      assertThat(claim).isEmpty();
    }
  }

  /** A unit announced with expect() is waited for, so it shares the sync of the group under way. */
  @Test
  void anAnnouncedUnitSharesTheSyncOfTheGroupUnderWay() throws Exception {
    try (InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        GroupCommitter committer = new GroupCommitter(store, Duration.ofSeconds(30))) {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      committer.expect();
      Future<String> first = pool.submit(() -> committer.run(ANCHORED, tx -> "first"));
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !first.isDone());
      String second = committer.runExpected(OWN, tx -> "second");
      assertThat(second).isEqualTo("second");
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
      assertThat(committer.commits()).isEqualTo(1);
      pool.shutdown();
    }
  }

  @Test
  void withdrawingAnAnnouncementEndsTheWait() throws Exception {
    try (InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        GroupCommitter committer = new GroupCommitter(store, Duration.ofSeconds(30))) {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      committer.expect();
      Future<String> first = pool.submit(() -> committer.run(ANCHORED, tx -> "first"));
      committer.unexpect();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
      pool.shutdown();
    }
  }

  @Test
  void theFinishStepWritesOnceAfterTheGroupsUnitsAndItsFailureFailsTheGroup() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean fail =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    try (InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        GroupCommitter committer =
            new GroupCommitter(
                store,
                Duration.ofSeconds(30),
                tx -> {
                  try (var units = tx.stream(Segment.CONSENT_STATE, new byte[0])) {
                    seen.add((int) units.count());
                  }
                  if (fail.get()) {
                    throw new IllegalStateException("finish failed");
                  }
                  tx.put(Segment.CONSENT_INDEX, CLAIM, new byte[] {1});
                },
                new SummaryWriters())) {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      committer.expect();
      Future<String> first = pool.submit(() -> committer.run(ANCHORED, tx -> put(tx, (byte) 1)));
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !first.isDone());
      String second = committer.runExpected(OWN, tx -> put(tx, (byte) 2));
      assertThat(second).isEqualTo("ok");
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
      assertThat(seen).as("once, after both units").containsExactly(2);
      assertThat(store.get(Segment.CONSENT_INDEX, CLAIM)).isPresent();

      fail.set(true);
      assertThatThrownBy(() -> committer.run(ANCHORED, tx -> put(tx, (byte) 3)))
          .hasMessage("finish failed");
      assertThat(store.get(Segment.CONSENT_STATE, new byte[] {3})).as("not committed").isEmpty();
      pool.shutdown();
    }
  }

  /**
   * The anchorer's transactions and the commit groups that withdraw or erase exclude each other
   * through the writers; a group of new consents only does not wait for the anchorer.
   */
  @Test
  void onlyAGroupWithAnAnchoredUnitWaitsForTheWritersTheAnchorerHolds() throws Exception {
    SummaryWriters writers = new SummaryWriters();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        GroupCommitter committer = new GroupCommitter(store, Duration.ZERO, tx -> {}, writers)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<?> anchorer = holdWriters(pool, writers, release);

      // A new consent's unit commits while the anchorer holds the writers.
      String own = committer.run(OWN, tx -> put(tx, (byte) 2));
      assertThat(own).isEqualTo("ok");
      assertThat(store.get(Segment.CONSENT_STATE, new byte[] {2})).isPresent();

      AtomicInteger ran = new AtomicInteger();
      Future<String> unit =
          pool.submit(
              () ->
                  committer.run(
                      ANCHORED,
                      tx -> {
                        ran.incrementAndGet();
                        return put(tx, (byte) 1);
                      }));
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> ran.get() == 0);
      release.countDown();
      assertThat(unit.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
      anchorer.get(5, TimeUnit.SECONDS);
      assertThat(ran).hasValue(1);
      pool.shutdown();
    }
  }

  /** A new consent's unit that shares a group with a withdrawal waits for the writers with it. */
  @Test
  void aGroupMixingBothScopesHoldsTheWriters() throws Exception {
    SummaryWriters writers = new SummaryWriters();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
    try (InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        GroupCommitter committer = new GroupCommitter(store, Duration.ZERO, tx -> {}, writers)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<?> anchorer = holdWriters(pool, writers, release);
      // Holds the commit thread (an own unit: it runs without the writers) while the next two are
      // queued, so that they form one group.
      Future<String> first =
          pool.submit(
              () ->
                  committer.run(
                      OWN,
                      tx -> {
                        holding.countDown();
                        awaitQuietly(gate);
                        return put(tx, (byte) 1);
                      }));
      assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
      AtomicInteger ran = new AtomicInteger();
      java.util.function.Function<Transaction, String> counted =
          tx -> {
            ran.incrementAndGet();
            return "ran";
          };
      var withdrawal = committer.submitAll(ANCHORED, List.of(counted)).get(0);
      var grant = committer.submitAll(OWN, List.of(counted)).get(0);
      gate.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> ran.get() == 0 && !grant.isDone());
      release.countDown();
      assertThat(withdrawal.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
      assertThat(grant.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
      anchorer.get(5, TimeUnit.SECONDS);
      pool.shutdown();
    }
  }

  /** Holds the writers on a thread of {@code pool}, as the anchorer does, until released. */
  private static Future<?> holdWriters(
      ExecutorService pool, SummaryWriters writers, java.util.concurrent.CountDownLatch release)
      throws InterruptedException {
    java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    Future<?> holder =
        pool.submit(
            () ->
                writers.run(
                    () -> {
                      held.countDown();
                      awaitQuietly(release);
                    }));
    assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
    return holder;
  }

  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String put(Transaction tx, byte id) {
    tx.put(Segment.CONSENT_STATE, new byte[] {id}, new byte[] {id});
    return "ok";
  }
}

package io.assent.node.consent;

import static io.assent.node.consent.ConsentFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.contracts.consent.MerkleTree;
import io.assent.node.anchor.AnchorProofs;
import io.assent.node.anchor.AnchoringDriver;
import io.assent.node.consent.SubjectAction.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

class DatasetConsentsTest {
  private static final String TRAINING = "ai:ModelTraining";
  private static final Set<String> TRAINING_PURPOSES = Set.of(TRAINING, "ai:CommercialTraining");
  private static final long DAY = 86_400;

  private final ConsentFixture f = new ConsentFixture();
  private final DatasetConsents reads = new DatasetConsents(f.store);
  private final AnchoringDriver anchoring =
      new AnchoringDriver(f.store, new AnchoringTally(f.writers));
  private final List<String> ids = new ArrayList<>();
  private int subjects;

  /** A consent of a new subject for {@code purposes}, valid over [from, until). */
  private String consent(List<String> purposes, long from, long until) {
    Signed signed = signedGrant(purposes, from, until);
    String id = f.service.accept(signed.grant(), signed.signature()).consentId();
    ids.add(id);
    return id;
  }

  private record Signed(Grant grant, String signature) {}

  /** A signed grant of the next new subject (its index in {@link #ids} is its number). */
  private Signed signedGrant(List<String> purposes, long from, long until) {
    Credentials subject = ConsentFixture.key(100 + subjects++);
    Grant grant = ConsentFixture.reshaped(f.grant(subject, until), purposes, from, until);
    return new Signed(grant, f.sign(grant, subject));
  }

  private Credentials subjectOf(int index) {
    return ConsentFixture.key(100 + index);
  }

  private void withdraw(int index) {
    SubjectAction w = f.action(Kind.WITHDRAWAL, ids.get(index), subjectOf(index));
    f.service.withdraw(ids.get(index), w, f.sign(w, subjectOf(index)));
  }

  private void erase(int index) {
    SubjectAction e = f.action(Kind.ERASURE, ids.get(index), subjectOf(index));
    f.service.erase(ids.get(index), e, f.sign(e, subjectOf(index)));
  }

  private DatasetConsentSummary summary(long at) {
    return reads.summary(ConsentFixture.DATASET, TRAINING_PURPOSES, at);
  }

  /** Consent {@code index}'s proof, where its state says it is kept. */
  private java.util.Optional<io.assent.node.anchor.LeafAnchor> proof(int index) {
    return AnchorProofs.leafAnchor(
        f.store, ConsentKeys.hex(ids.get(index)), state(index).proofPlace());
  }

  /** How many proofs are kept by slot. */
  private long storedProofs() {
    return proofKeys().size();
  }

  /** The slots under which proofs are kept, in key order. */
  private List<Long> proofKeys() {
    try (Stream<io.assent.node.store.KeyValue> proofs =
        f.store.stream(io.assent.node.store.Segment.CONSENT_PROOFS, new byte[0])) {
      return proofs.map(kv -> io.assent.node.store.Bytes.toLong(kv.key(), 0)).toList();
    }
  }

  /** How many proofs are kept by leaf, as nodes before the slots kept them. */
  private long proofsByLeaf() {
    try (Stream<io.assent.node.store.KeyValue> proofs =
        f.store.stream(io.assent.node.store.Segment.CONSENT_STATE, new byte[] {'A'})) {
      return proofs.filter(kv -> kv.key().length == 33).count();
    }
  }

  private ConsentState state(int index) {
    return ConsentState.decode(
        f.store
            .get(io.assent.node.store.Segment.CONSENT_STATE, ConsentKeys.hex(ids.get(index)))
            .orElseThrow());
  }

  /** total, valid, pending, withdrawn, expired, notYetValid, erased. */
  private static long[] counts(DatasetConsentSummary s) {
    return new long[] {
      s.total(), s.valid(), s.pending(), s.withdrawn(), s.expired(), s.notYetValid(), s.erased()
    };
  }

  @Test
  void countsEachConsentOnceByItsStateAtTheTime() {
    consent(List.of(TRAINING, "dpv:ScientificResearch"), NOW - 10, NOW + DAY); // 0
    consent(List.of(TRAINING), NOW - 10, NOW + 100); // 1: expires soon
    consent(List.of(TRAINING), NOW + 1_000, 0); // 2: not yet valid, no end
    consent(List.of("dpv:Marketing"), NOW - 10, 0); // 3: another purpose

    assertThat(counts(summary(NOW))).containsExactly(3, 0, 2, 0, 0, 1, 0);
    long block = anchoring.anchorQueued();

    DatasetConsentSummary now = summary(NOW);
    assertThat(counts(now)).containsExactly(3, 2, 0, 0, 0, 1, 0);
    assertThat(now.anchors())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.blockNumber()).isEqualTo(block);
              assertThat(a.txHash()).isEqualTo(anchoring.lastTxHash());
            });
    assertThat(counts(summary(NOW + 100))).containsExactly(3, 1, 0, 0, 1, 1, 0);
    assertThat(counts(summary(NOW + 1_000))).containsExactly(3, 2, 0, 0, 1, 0, 0);
    assertThat(counts(summary(NOW + DAY))).containsExactly(3, 1, 0, 0, 2, 0, 0);
    assertThat(counts(reads.summary(ConsentFixture.DATASET, Set.of("dpv:Marketing"), NOW)))
        .containsExactly(1, 1, 0, 0, 0, 0, 0);
    assertThat(counts(reads.summary("0x" + "01".repeat(32), TRAINING_PURPOSES, NOW)))
        .containsExactly(0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void aWithdrawalCountsFromItsTimeAndAnErasureForEveryTime() {
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    anchoring.anchorQueued();
    f.clock.set(NOW + 50);
    withdraw(0);
    erase(1);

    assertThat(counts(summary(NOW + 49)))
        .as("before the withdrawal it was lawful")
        .containsExactly(3, 2, 0, 0, 0, 0, 1);
    assertThat(counts(summary(NOW + 50))).containsExactly(3, 1, 0, 1, 0, 0, 1);
    assertThat(counts(summary(NOW + DAY))).containsExactly(3, 0, 0, 1, 1, 0, 1);
  }

  @Test
  void theSummaryAgreesWithAConsentByConsentCountAtEveryTime() {
    for (int i = 0; i < 12; i++) {
      long from = NOW - 10 + 37L * i;
      consent(List.of(TRAINING), from, i % 3 == 0 ? 0 : from + 100 + 13L * i);
    }
    anchoring.anchorQueued();
    consent(List.of(TRAINING), NOW - 10, NOW + 400); // pending
    f.clock.set(NOW + 300);
    withdraw(1); // after it expired
    withdraw(5); // while valid
    withdraw(10); // before it became valid
    withdraw(12); // not anchored yet
    erase(7);
    assertCountsAsOneByOne(NOW - 20, NOW + 700, 7);
  }

  /** Concurrent requests share commit groups, whose tally changes are summed before writing. */
  @Test
  void consentsAcceptedAndWithdrawnInSharedCommitGroupsAreCountedAsOneByOne() throws Exception {
    List<Signed> grants = staggeredGrants(48, 7, 5, 4, 200);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> accepted = new ArrayList<>();
      for (Signed g : grants) {
        accepted.add(pool.submit(() -> f.service.accept(g.grant(), g.signature()).consentId()));
      }
      for (java.util.concurrent.Future<String> id : accepted) {
        ids.add(id.get());
      }
      f.clock.set(NOW + 100);
      List<java.util.concurrent.Future<?>> actions = new ArrayList<>();
      for (int i = 0; i < 48; i += 3) {
        int index = i;
        actions.add(pool.submit(() -> withdraw(index)));
      }
      for (java.util.concurrent.Future<?> action : actions) {
        action.get();
      }
    } finally {
      pool.shutdown();
    }
    erase(1);
    assertCountsAsOneByOne(NOW - 20, NOW + 400, 3);
  }

  /**
   * The anchorer confirms batches while grants, withdrawals and erasures of the same consents are
   * being committed: the anchored tally, which both change, still counts exactly the anchored
   * consents, so the pending count (active less anchored) is exact.
   */
  @Test
  void anchoringWhileConsentsAreWithdrawnAndErasedKeepsThePendingCountExact() throws Exception {
    List<Signed> grants = staggeredGrants(120, 11, 3, 5, 300);
    for (Signed g : grants.subList(0, 60)) {
      ids.add(f.service.accept(g.grant(), g.signature()).consentId());
    }
    f.clock.set(NOW + 100);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> work = new ArrayList<>();
      for (Signed g : grants.subList(60, 120)) {
        work.add(pool.submit(() -> f.service.accept(g.grant(), g.signature())));
      }
      for (int i = 0; i < 60; i += 2) {
        int index = i;
        work.add(
            pool.submit(
                () -> {
                  if (index % 4 == 0) {
                    erase(index);
                  } else {
                    withdraw(index);
                  }
                }));
      }
      while (!work.stream().allMatch(java.util.concurrent.Future::isDone)) {
        anchorIfQueued();
      }
      for (java.util.concurrent.Future<?> w : work) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
    for (Signed g : grants.subList(60, 120)) {
      ids.add(f.service.accept(g.grant(), g.signature()).consentId()); // idempotent: the same id
    }
    assertCountsAsOneByOne(NOW - 20, NOW + 500, 5);
    anchorIfQueued();
    assertCountsAsOneByOne(NOW - 20, NOW + 500, 5);
    assertThat(summary(NOW + 200).pending()).as("all anchored").isZero();
  }

  /**
   * A database of schema 1 had no anchored tally: the migration to 2 derives it from the time tally
   * and the unanchored entries, the one to 3 drops those entries, and the summary counts as a
   * consent-by-consent classification does after each, and after the rest is anchored.
   */
  @Test
  void theMigrationsDeriveTheAnchoredTallyFromTheUnanchoredEntriesThenDropThem() {
    for (int i = 0; i < 6; i++) {
      consent(List.of(TRAINING), NOW - 10 + 20L * i, i % 2 == 0 ? 0 : NOW + 200 + i);
    }
    anchoring.anchorQueued();
    for (int i = 0; i < 6; i++) {
      consent(List.of(TRAINING), NOW - 10 + 20L * i, i % 2 == 0 ? 0 : NOW + 300 + i);
    }
    f.clock.set(NOW + 50);
    withdraw(2); // anchored
    withdraw(7); // pending
    erase(8); // pending
    asSchemaOne();

    try (io.assent.node.store.Transaction tx = f.store.startTransaction()) {
      SummaryMigration.anchoredTally(f.store, tx, 3); // several copy transactions
      tx.commit();
    }

    assertCountsAsOneByOne(NOW - 20, NOW + 400, 5);
    assertThat(entries('V')).isEmpty();
    assertThat(entries('U')).hasSize(5); // the pending consents still held, as schema 2 kept them

    try (io.assent.node.store.Transaction tx = f.store.startTransaction()) {
      SummaryMigration.dropUnanchoredEntries(f.store, tx, 3); // schema 3, in two transactions
      tx.commit();
    }

    assertThat(entries('U')).isEmpty();
    assertCountsAsOneByOne(NOW - 20, NOW + 400, 5);
    anchorIfQueued();
    assertCountsAsOneByOne(NOW - 20, NOW + 400, 5);
    assertThat(summary(NOW + 100).pending()).as("all anchored").isZero();
  }

  private List<byte[]> entries(char prefix) {
    try (Stream<io.assent.node.store.KeyValue> entries =
        f.store.stream(io.assent.node.store.Segment.CONSENT_INDEX, new byte[] {(byte) prefix})) {
      return entries.map(io.assent.node.store.KeyValue::key).toList();
    }
  }

  /**
   * Rewrites the summary as schema 1 kept it: no anchored tally; a U entry (with a value) and a V
   * entry for each held consent whose leaf has no proof yet.
   */
  private void asSchemaOne() {
    var index = io.assent.node.store.Segment.CONSENT_INDEX;
    try (io.assent.node.store.Transaction tx = f.store.startTransaction()) {
      try (Stream<io.assent.node.store.KeyValue> a = tx.stream(index, new byte[] {'A'})) {
        a.toList().forEach(kv -> tx.delete(index, kv.key()));
      }
      for (String id : ids) {
        byte[] key = Numeric.hexStringToByteArray(id);
        ConsentState s =
            ConsentState.decode(
                tx.get(io.assent.node.store.Segment.CONSENT_STATE, key).orElseThrow());
        if (s.erased() || AnchorProofs.isAnchored(tx, key, s.proofPlace())) {
          continue;
        }
        byte[] u =
            io.assent.node.store.Bytes.concat(
                new byte[] {'U'}, Numeric.hexStringToByteArray(s.dataset()), key);
        tx.put(index, u, new byte[24]);
        byte[] v = u.clone();
        v[0] = 'V';
        tx.put(index, v, new byte[8]);
      }
      tx.commit();
    }
  }

  /**
   * {@code count} grants of new subjects for training: the i-th valid from {@code NOW - 10 + step *
   * (i % cycle)}, without end for every {@code noEndEvery}-th, else for {@code length + i} seconds.
   */
  private List<Signed> staggeredGrants(
      int count, int cycle, long step, int noEndEvery, long length) {
    List<Signed> grants = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long from = NOW - 10 + step * (i % cycle);
      grants.add(signedGrant(List.of(TRAINING), from, i % noEndEvery == 0 ? 0 : from + length + i));
    }
    return grants;
  }

  /** Anchors what is queued; false if nothing was. */
  private boolean anchorIfQueued() {
    try {
      anchoring.anchorQueued();
      return true;
    } catch (IllegalStateException nothingQueued) {
      return false;
    }
  }

  /**
   * At every {@code step} from {@code from} until {@code until}: the summary counts as {@link
   * #expected}.
   */
  private void assertCountsAsOneByOne(long from, long until, long step) {
    for (long at = from; at < until; at += step) {
      assertThat(counts(summary(at))).as("at %d", at).containsExactly(expected(at));
    }
  }

  /** The same classification, one consent at a time from its state and proof. */
  private long[] expected(long at) {
    long[] c = new long[7];
    for (String id : ids) {
      ConsentState s =
          ConsentState.decode(
              f.store
                  .get(io.assent.node.store.Segment.CONSENT_STATE, Numeric.hexStringToByteArray(id))
                  .orElseThrow());
      c[0]++;
      if (s.erased()) {
        c[6]++;
      } else if (DatasetTally.withdrawal(s) <= at) {
        c[3]++;
      } else if (DatasetTally.until(s) <= at) {
        c[4]++;
      } else if (at < s.validFrom()) {
        c[5]++;
      } else if (f.service.status(id).anchor().isPresent()) {
        c[1]++;
      } else {
        c[2]++;
      }
    }
    return c;
  }

  @Test
  void aRootCoversTheHullOfTheValidityWindowsOfItsLeaves() {
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW + 2 * DAY, NOW + 3 * DAY);
    anchoring.anchorQueued();
    String root = summary(NOW).anchors().getFirst().root();

    for (long at : new long[] {NOW, NOW + DAY + DAY / 2, NOW + 2 * DAY + DAY / 2}) {
      assertThat(summary(at).anchors())
          .as("at NOW + %d s", at - NOW)
          .extracting(DatasetConsentSummary.AnchorRef::root)
          .containsExactly(root);
    }
    assertThat(summary(NOW + 3 * DAY).anchors()).as("after the last window").isEmpty();
    assertThat(summary(NOW - 11).anchors()).as("before the first").isEmpty();
  }

  @Test
  void proofsAreKeptByTheConsentsSlotsInAcceptanceOrder() {
    for (int i = 0; i < 3; i++) {
      consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    }
    anchoring.anchorQueued();

    for (int i = 0; i < 3; i++) {
      assertThat(state(i).slot()).as("consent %d's slot: its place in the queue", i).isEqualTo(i);
      assertThat(proof(i)).isPresent();
      assertThat(f.service.status(ids.get(i)).status()).isEqualTo("anchored");
    }
    assertThat(proofKeys()).containsExactly(0L, 1L, 2L);
    assertThat(proofsByLeaf()).as("none under the leaves").isZero();
    CheckResult check =
        f.service.check(subjectOf(0).getAddress(), ConsentFixture.DATASET, TRAINING, NOW);
    assertThat(check.anchored()).isTrue();
    assertThat(check.evidence().get(0).proof()).isNotEmpty();

    withdraw(1);
    assertThat(state(1).slot()).as("a withdrawal keeps the slot").isEqualTo(1);
    assertThat(proof(1)).isPresent();
    erase(2);
    assertThat(proofKeys()).as("the erasure deletes the proof").containsExactly(0L, 1L);

    anchoring.dropLastAnchor();
    assertThat(proofKeys()).as("a reorg deletes the proofs it drops").isEmpty();
    assertThat(f.service.status(ids.get(0)).status()).isEqualTo("pending");
  }

  @Test
  void aConsentWhoseStateHasNoSlotKeepsItsProofByItsLeafAsBefore() {
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    // Consent 0 as a node before the slots accepted it: its state has none.
    byte[] id = ConsentKeys.hex(ids.get(0));
    ConsentState s = state(0);
    ConsentState noSlot =
        new ConsentState(
            s.status(),
            s.subject(),
            s.dataset(),
            s.purposes(),
            s.validFrom(),
            s.validUntil(),
            s.acceptedAt(),
            s.grantNonce(),
            s.withdrawal(),
            s.erasedAt());
    try (io.assent.node.store.Transaction tx = f.store.startTransaction()) {
      tx.put(io.assent.node.store.Segment.CONSENT_STATE, id, noSlot.encode());
      tx.commit();
    }

    anchoring.anchorQueued();

    assertThat(proofsByLeaf()).isEqualTo(1);
    assertThat(proofKeys()).containsExactly(1L);
    assertThat(proof(0)).isPresent();
    assertThat(f.service.status(ids.get(0)).status()).isEqualTo("anchored");
    assertThat(counts(summary(NOW))).containsExactly(2, 2, 0, 0, 0, 0, 0);
    erase(0);
    assertThat(proofsByLeaf()).isZero();
  }

  @Test
  void aConsentErasedWhileItsBatchIsOnTheWayGetsNoProofAndIsCountedOnce() {
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);

    anchoring.anchorQueued(() -> erase(1));

    assertThat(proof(0)).isPresent();
    assertThat(proof(1)).isEmpty();
    assertThat(proof(2)).isPresent();
    assertThat(storedProofs()).as("the erased consent's proof, under no key").isEqualTo(2);
    assertThat(counts(summary(NOW))).containsExactly(3, 2, 0, 0, 0, 0, 1);
    assertCountsAsOneByOne(NOW - DAY, NOW + 2 * DAY, DAY / 4);
  }

  @Test
  void aReorgThatDropsTheAnchorMakesTheConsentsPendingAgain() {
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    anchoring.anchorQueued();
    assertThat(summary(NOW).valid()).isEqualTo(2);

    anchoring.dropLastAnchor();

    DatasetConsentSummary after = summary(NOW);
    assertThat(counts(after)).containsExactly(2, 0, 2, 0, 0, 0, 0);
    assertThat(after.anchors()).isEmpty();
  }

  @Test
  void theManifestListsTheValidAnchoredConsentsWithProofsThatVerify() {
    String valid = consent(List.of(TRAINING, "dpv:ScientificResearch"), NOW - 10, NOW + DAY);
    consent(List.of("dpv:Marketing"), NOW - 10, NOW + DAY);
    String withdrawn = consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW + 500, NOW + DAY);
    anchoring.anchorQueued();
    consent(List.of(TRAINING), NOW - 10, NOW + DAY); // pending: not in the manifest
    f.clock.set(NOW + 10);
    withdraw(2);

    List<ManifestEntry> entries = manifest(NOW + 10);
    assertThat(entries).extracting(ManifestEntry::consentId).containsExactly(valid);
    ManifestEntry entry = entries.get(0);
    assertThat(entry.purposes()).containsExactly(TRAINING, "dpv:ScientificResearch");
    assertThat(entry.validFrom()).isEqualTo(NOW - 10);
    assertThat(entry.validUntil()).isEqualTo(NOW + DAY);
    assertThat(entry.txHash()).isEqualTo(anchoring.lastTxHash());
    assertThat(
            MerkleTree.verify(
                Numeric.hexStringToByteArray(entry.consentId()),
                entry.proof().stream().map(Numeric::hexStringToByteArray).toList(),
                Numeric.hexStringToByteArray(entry.root())))
        .isTrue();
    assertThat(manifest(NOW + 9))
        .as("before its withdrawal the consent was valid")
        .extracting(ManifestEntry::consentId)
        .containsExactlyInAnyOrder(valid, withdrawn);
  }

  private List<ManifestEntry> manifest(long at) {
    try (Stream<ManifestEntry> entries =
        reads.manifest(ConsentFixture.DATASET, TRAINING_PURPOSES, at)) {
      return entries.toList();
    }
  }

  @Test
  void withdrawalsAndErasuresAnchoredSinceABlockAreListed() {
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    consent(List.of(TRAINING), NOW - 10, NOW + DAY);
    anchoring.anchorQueued();
    withdraw(0);
    assertThat(reads.withdrawnSince(ConsentFixture.DATASET, 0)).as("not on chain yet").isEmpty();
    long first = anchoring.anchorQueued();
    erase(1);
    long second = anchoring.anchorQueued();

    assertThat(reads.withdrawnSince(ConsentFixture.DATASET, 0))
        .containsExactly(
            new WithdrawnConsent(ids.get(0), first, txOf(ids.get(0))),
            new WithdrawnConsent(ids.get(1), second, anchoring.lastTxHash()));
    assertThat(reads.withdrawnSince(ConsentFixture.DATASET, second))
        .extracting(WithdrawnConsent::consentId)
        .containsExactly(ids.get(1));
    assertThat(reads.withdrawnSince(ConsentFixture.DATASET, second + 1)).isEmpty();
    assertThat(manifest(NOW)).extracting(ManifestEntry::consentId).containsExactly(ids.get(2));
  }

  private String txOf(String id) {
    return f.service.status(id).withdrawnOnChain().orElseThrow().txHash();
  }

  @Test
  void aTimeOutOfRangeIsRefused() {
    assertThatThrownBy(() -> summary(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> summary(DatasetConsents.MAX_AT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

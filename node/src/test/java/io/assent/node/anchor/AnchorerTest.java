package io.assent.node.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.consent.MerkleTree;
import io.assent.node.chain.IndexRebuild;
import io.assent.node.chain.IndexScope;
import io.assent.node.chain.SyncCursors;
import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import io.assent.node.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class AnchorerTest {
  private static final Duration T = Duration.ofSeconds(10);

  private final KeyValueStore store = new InMemoryKeyValueStore();
  private final FakeAnchorChain chain = new FakeAnchorChain();
  private final ManualClock clock = new ManualClock();
  private final AnchorerConfig config =
      AnchorerConfig.defaults().withBatchSize(3).withMaxWait(T).withResendAfterBlocks(5);
  private final Anchorer anchorer = new Anchorer(store, chain, config, clock);

  @Test
  void closesABatchEveryNEntriesThenWaitsTForTheRest() {
    List<byte[]> leaves = enqueueLeaves(7);

    anchorer.runOnce();
    anchorer.runOnce();
    anchorer.runOnce();

    assertThat(chain.submissions).hasSize(2);
    assertThat(chain.submissions.get(0).root())
        .isEqualTo(MerkleTree.of(leaves.subList(0, 3)).root());
    assertThat(chain.submissions.get(0).count()).isEqualTo(3);
    assertThat(chain.submissions.get(1).root())
        .isEqualTo(MerkleTree.of(leaves.subList(3, 6)).root());
    assertThat(anchorer.status().queuedLeaves()).isEqualTo(1);

    clock.advance(T);
    anchorer.runOnce();

    assertThat(chain.submissions).hasSize(3);
    assertThat(chain.last().root()).isEqualTo(leaves.get(6));
    assertThat(anchorer.status().queuedLeaves()).isZero();
    assertThat(anchorer.status().pendingBatches()).isEqualTo(3);
  }

  @Test
  void aLoneLeafWaitsUntilTheOldestHasWaitedT() {
    enqueueLeaves(1);
    anchorer.runOnce();
    clock.advance(T.minusMillis(1));
    anchorer.runOnce();
    assertThat(chain.submissions).isEmpty();

    clock.advance(Duration.ofMillis(1));
    anchorer.runOnce();
    assertThat(chain.submissions).hasSize(1);
  }

  @Test
  void aBatchCreatedBeforeACrashIsSentAfterTheRestartWithTheSameRoot() {
    List<byte[]> leaves = enqueueLeaves(3);
    Batch created = new BatchQueue(store).close(3).orElseThrow(); // then the process died

    new Anchorer(store, chain, config, clock).runOnce();

    assertThat(chain.submissions)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.root())
                  .isEqualTo(created.root())
                  .isEqualTo(MerkleTree.of(leaves).root());
              assertThat(s.count()).isEqualTo(3);
            });
    assertThat(anchorer.status().queuedLeaves()).isZero();
  }

  @Test
  void aSendInterruptedByACrashIsRepeatedOnlyAfterTheResendWindow() {
    enqueueLeaves(3);
    Batch created = new BatchQueue(store).close(3).orElseThrow();
    write(created.sending(chain.head)); // the send may have reached the chain; its hash is lost

    Anchorer restarted = new Anchorer(store, chain, config, clock);
    restarted.runOnce();
    assertThat(chain.submissions).isEmpty();

    chain.head += 5;
    restarted.runOnce();
    assertThat(chain.submissions)
        .singleElement()
        .satisfies(s -> assertThat(s.root()).isEqualTo(created.root()));
  }

  @Test
  void onceTheIndexHasTheRootEveryLeafGetsAVerifiableProof() {
    List<byte[]> leaves = enqueueLeaves(3);
    anchorer.runOnce();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isEmpty();

    indexLastSubmission(102);
    anchorer.runOnce();

    byte[] root = chain.last().root();
    for (int i = 0; i < leaves.size(); i++) {
      LeafAnchor anchor =
          AnchorProofs.leafAnchor(store, leaves.get(i), ProofPlace.BY_LEAF).orElseThrow();
      assertThat(anchor.root()).isEqualTo(Numeric.toHexString(root));
      assertThat(anchor.index()).isEqualTo(i);
      assertThat(anchor.txHash()).isEqualTo(chain.last().txHash());
      assertThat(anchor.blockNumber()).isEqualTo(102);
      assertThat(anchor.blockHash()).isEqualTo(AnchorLogs.blockHash(102));
      assertThat(MerkleTree.verify(leaves.get(i), anchor.proof(), root)).isTrue();
    }
    assertThat(anchorer.status().pendingBatches()).isZero();
    assertThat(chain.submissions).hasSize(1);
  }

  @Test
  void aReorgThatDropsTheAnchorResetsTheProofsAndResendsTheSameBatchOnce() {
    List<byte[]> leaves = enqueueLeaves(3);
    anchorer.runOnce();
    indexLastSubmission(102);
    anchorer.runOnce();
    byte[] root = chain.last().root();

    dropFromIndex(root); // the follower's undo of the reorged block
    anchorer.indexRolledBack(); // and its signal
    chain.states.put(chain.last().txHash(), AnchorChain.TxState.UNKNOWN);
    anchorer.runOnce();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isEmpty();
    assertThat(anchorer.status().pendingBatches()).isEqualTo(1);
    assertThat(chain.submissions).hasSize(1);

    chain.head += 5;
    anchorer.runOnce();
    anchorer.runOnce();
    assertThat(chain.submissions).hasSize(2);
    assertThat(chain.last().root()).isEqualTo(root);

    indexLastSubmission(108);
    anchorer.runOnce();
    assertThat(
            AnchorProofs.leafAnchor(store, leaves.get(2), ProofPlace.BY_LEAF)
                .orElseThrow()
                .blockNumber())
        .isEqualTo(108);
    assertThat(chain.submissions).hasSize(2);
  }

  @Test
  void aReorgThatReMinesTheAnchorInAnotherBlockMovesTheProofsThereWithoutAResend() {
    List<byte[]> leaves = enqueueLeaves(3);
    anchorer.runOnce();
    indexLastSubmission(102);
    anchorer.runOnce();
    byte[] root = chain.last().root();

    // The follower rolled block 102 back and indexed the same transaction again, mined in 103,
    // before the anchorer's next round: the index still has the root, at another block.
    dropFromIndex(root);
    indexLastSubmission(103);
    anchorer.indexRolledBack();
    chain.head += 2;
    anchorer.runOnce();
    anchorer.runOnce();

    for (byte[] leaf : leaves) {
      LeafAnchor anchor = AnchorProofs.leafAnchor(store, leaf, ProofPlace.BY_LEAF).orElseThrow();
      assertThat(anchor.blockNumber()).isEqualTo(103);
      assertThat(anchor.blockHash()).isEqualTo(AnchorLogs.blockHash(103));
      assertThat(MerkleTree.verify(leaf, anchor.proof(), root)).isTrue();
    }
    assertThat(chain.submissions).hasSize(1);
    assertThat(anchorer.status().pendingBatches()).isZero();

    // Checked again with nothing changed: the proofs stay as they are.
    anchorer.indexRolledBack();
    anchorer.runOnce();
    assertThat(
            AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)
                .orElseThrow()
                .blockNumber())
        .isEqualTo(103);
    assertThat(chain.submissions).hasSize(1);
  }

  @Test
  void withoutARollbackSignalConfirmedBatchesAreCheckedEveryHundredBlocks() {
    List<byte[]> leaves = enqueueLeaves(3);
    anchorer.runOnce();
    indexLastSubmission(102);
    anchorer.runOnce();

    dropFromIndex(chain.last().root()); // a rollback nobody signalled
    chain.states.put(chain.last().txHash(), AnchorChain.TxState.UNKNOWN);
    chain.head += 99;
    anchorer.runOnce();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isPresent();

    chain.head += 1;
    anchorer.runOnce();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isEmpty();
    assertThat(anchorer.status().pendingBatches()).isEqualTo(1);
  }

  @Test
  void confirmedBatchesArePrunedOnceAnchoredDeeperThanTheWindowAndTheirProofsStay() {
    Anchorer pruning = new Anchorer(store, chain, config.withPruneAfterBlocks(20), clock);
    List<byte[]> leaves = enqueueLeaves(3);
    pruning.runOnce();
    indexLastSubmission(102);
    pruning.runOnce();
    assertThat(AnchorQueueKeys.batches(store)).isEqualTo(1);

    chain.head = 122; // anchored at 102: not deeper than 20 yet
    pruning.runOnce();
    assertThat(AnchorQueueKeys.batches(store)).isEqualTo(1);
    chain.head = 124; // checked every 20 / 10 blocks
    pruning.runOnce();
    assertThat(AnchorQueueKeys.batches(store)).isZero();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isPresent();
    assertThat(pruning.status().pendingBatches()).isZero();
  }

  @Test
  void aConfirmedBatchKeptAmongTheBatchesInFlightByAnEarlierVersionIsMovedAndStillReset() {
    List<byte[]> leaves = enqueueLeaves(3);
    anchorer.runOnce();
    indexLastSubmission(102);
    anchorer.runOnce();
    Batch confirmed = confirmedBatches().getFirst();
    try (Transaction tx = store.startTransaction()) { // the layout before 'C'/'D'
      tx.delete(Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedRoot(confirmed.seq()));
      tx.delete(Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedBatch(confirmed.seq()));
      tx.commit();
    }
    write(confirmed);

    Anchorer restarted = new Anchorer(store, chain, config, clock);
    restarted.runOnce();
    assertThat(restarted.status().pendingBatches()).isZero();
    assertThat(confirmedBatches()).hasSize(1);

    dropFromIndex(confirmed.root());
    restarted.indexRolledBack();
    restarted.runOnce();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isEmpty();
    assertThat(restarted.status().pendingBatches()).isEqualTo(1);
    assertThat(confirmedBatches()).isEmpty();
  }

  private List<Batch> confirmedBatches() {
    List<Batch> out = new ArrayList<>();
    for (long seq = 0; seq < 10; seq++) {
      store
          .get(Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedBatch(seq))
          .map(Batch::decode)
          .ifPresent(out::add);
    }
    return out;
  }

  @Test
  void afterARebuildOfTheIndexBatchesWaitUntilItIsBackWhereTheOldOneWas() {
    List<byte[]> leaves = enqueueLeaves(3);
    anchorer.runOnce();
    indexLastSubmission(102);
    anchorer.runOnce();
    SyncCursors.store(store, 110);

    IndexRebuild.rebuild(store, IndexScope.of(100, Map.of("consentAnchor", AnchorLogs.CONTRACT)));
    // The rebuilt index lacks the root, and the endpoint no longer knows the transaction (a node
    // that prunes history): neither may reset the proofs or send the batch again.
    chain.states.put(chain.last().txHash(), AnchorChain.TxState.UNKNOWN);
    chain.head += 50;
    enqueueLeaves(3);
    anchorer.runOnce();
    anchorer.runOnce();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isPresent();
    assertThat(chain.submissions).hasSize(1);
    assertThat(anchorer.status().waitsForIndexAt()).isEqualTo(110);

    indexLastSubmission(102); // the follower re-syncs past block 110
    SyncCursors.store(store, 110);
    anchorer.runOnce();
    anchorer.runOnce();
    assertThat(
            AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)
                .orElseThrow()
                .blockNumber())
        .isEqualTo(102);
    assertThat(chain.submissions).hasSize(2); // only the batch of the leaves queued meanwhile
    assertThat(anchorer.status().waitsForIndexAt()).isEqualTo(-1);
    assertThat(chain.last().root()).isNotEqualTo(chain.submissions.getFirst().root());
  }

  @Test
  void aLeafWhoseListenerDeclinesItsProofGetsNone() {
    List<byte[]> leaves = enqueueLeaves(3);
    // The consent domain declines the proofs of consents erased meanwhile.
    AnchorListener declining =
        new AnchorListener() {
          @Override
          public Optional<ProofPlace> anchored(Transaction tx, byte[] leaf, LeafAnchor anchor) {
            return Arrays.equals(leaf, leaves.get(1))
                ? Optional.empty()
                : Optional.of(ProofPlace.BY_LEAF);
          }

          @Override
          public ProofPlace unanchored(Transaction tx, byte[] leaf, String root) {
            return ProofPlace.BY_LEAF;
          }
        };
    Anchorer anchoring = new Anchorer(store, chain, config, clock, declining);
    anchoring.runOnce();
    indexLastSubmission(102);
    anchoring.runOnce();

    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isPresent();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(1), ProofPlace.BY_LEAF)).isEmpty();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(2), ProofPlace.BY_LEAF)).isPresent();
    assertThat(anchoring.status().pendingBatches()).isZero();
  }

  @Test
  void aSentTransactionStillPendingOrMinedIsNotResent() {
    enqueueLeaves(3);
    anchorer.runOnce();
    chain.head += 50;
    anchorer.runOnce();
    chain.states.put(chain.last().txHash(), AnchorChain.TxState.MINED); // index still K behind
    anchorer.runOnce();
    assertThat(chain.submissions).hasSize(1);
  }

  @Test
  void withdrawalsTravelInABatchOfTheirOwnWithAUniqueRoot() {
    byte[] id = Hash.sha3(new byte[] {42});
    try (Transaction tx = store.startTransaction()) {
      AnchorQueueKeys.enqueueWithdrawal(tx, id);
      AnchorQueueKeys.enqueueWithdrawal(tx, id);
      tx.commit();
    }
    anchorer.runOnce();
    clock.advance(T);
    anchorer.runOnce();

    assertThat(chain.last().count()).isZero();
    assertThat(chain.last().withdrawn()).containsExactly(id);
    assertThat(chain.last().root()).isNotEqualTo(new byte[32]);
    indexLastSubmission(101);
    anchorer.runOnce();
    assertThat(AnchorProofs.withdrawal(store, id)).isPresent();
    assertThat(anchorer.status().pendingBatches()).isZero();
  }

  @Test
  void whileTheChainIsDownTheQueueKeepsGrowingAndTheStatusSaysWhy() {
    chain.down = true;
    enqueueLeaves(4);

    assertThatThrownBy(anchorer::runOnce).isInstanceOf(AnchorChainException.class);
    enqueueLeaves(2);
    assertThatThrownBy(anchorer::runOnce).isInstanceOf(AnchorChainException.class);

    AnchorerStatus status = anchorer.status();
    assertThat(status.rpcReachable()).isFalse();
    assertThat(status.lastError()).contains("unreachable");
    assertThat(status.pendingBatches() * 3 + status.queuedLeaves()).isEqualTo(6);
    assertThat(chain.submissions).isEmpty();

    chain.down = false;
    anchorer.runOnce();
    anchorer.runOnce();
    assertThat(chain.submissions).hasSize(2);
    assertThat(anchorer.status().rpcReachable()).isTrue();
    assertThat(anchorer.status().lastError()).isNull();
  }

  @Test
  void theLoopBacksOffWhileTheChainIsDownAndRecovers() {
    AnchorerConfig fast = config.withPollInterval(Duration.ofMillis(10));
    chain.down = true;
    enqueueLeaves(3);
    try (Anchorer looping = new Anchorer(store, chain, fast, clock)) {
      looping.start();
      await().until(() -> !looping.status().rpcReachable());
      chain.down = false;
      await().until(() -> chain.submissions.size() == 1 && looping.status().rpcReachable());
    }
    assertThat(Anchorer.backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 1))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(Anchorer.backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 3))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(Anchorer.backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 40))
        .isEqualTo(Duration.ofSeconds(30));
  }

  private List<byte[]> enqueueLeaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    try (Transaction tx = store.startTransaction()) {
      for (int i = 0; i < n; i++) {
        byte[] leaf = Hash.sha3(Numeric.toBytesPadded(java.math.BigInteger.valueOf(counter++), 32));
        AnchorQueueKeys.enqueueLeaf(tx, leaf);
        leaves.add(leaf);
      }
      tx.commit();
    }
    return leaves;
  }

  private int counter;

  private void indexLastSubmission(long block) {
    FakeAnchorChain.Submission s = chain.last();
    chain.states.put(s.txHash(), AnchorChain.TxState.MINED);
    try (Transaction tx = store.startTransaction()) {
      new AnchorIndexer(AnchorLogs.CONTRACT)
          .apply(AnchorLogs.anchored(block, 0, s.txHash(), s.root(), s.count(), s.withdrawn()), tx);
      tx.commit();
    }
  }

  private void dropFromIndex(byte[] root) {
    try (Transaction tx = store.startTransaction()) {
      tx.delete(Segment.ANCHOR_ROOTS, root);
      tx.commit();
    }
  }

  private void write(Batch batch) {
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.CONSENT_QUEUE, AnchorQueueKeys.batch(batch.seq()), batch.encode());
      tx.commit();
    }
  }
}

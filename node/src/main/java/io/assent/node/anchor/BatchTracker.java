package io.assent.node.anchor;

import io.assent.contracts.consent.MerkleTree;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

/**
 * Moves each batch along: sends it, confirms it once the chain index (at head - K) has its root
 * (storing every leaf's proof in the same transaction), resets it if a reorg removed the root, and
 * re-sends a batch whose transaction vanished. Before any re-send it checks the index and the
 * transaction, so a batch is not anchored twice while its first transaction can still land.
 *
 * <p>Batches in flight are looked at every round ({@link #inFlight}, {@link #advance}); confirmed
 * ones only when asked ({@link #checkConfirmed}): after the index was rolled back, and now and then
 * to prune them.
 */
final class BatchTracker {
  private static final Logger LOG = LoggerFactory.getLogger(BatchTracker.class);

  private final KeyValueStore store;
  private final AnchorChain chain;
  private final AnchorerConfig config;
  private final AnchorListener listener;
  private final RecentTrees trees;

  BatchTracker(
      KeyValueStore store,
      AnchorChain chain,
      AnchorerConfig config,
      AnchorListener listener,
      RecentTrees trees) {
    this.store = store;
    this.chain = chain;
    this.config = config;
    this.listener = listener;
    this.trees = trees;
  }

  /**
   * The batches being sent or sent, oldest first (and any confirmed one an earlier version kept
   * among them, which {@link #advance} moves to the confirmed batches).
   */
  List<Batch> inFlight() {
    try (Stream<KeyValue> entries = store.stream(Segment.CONSENT_QUEUE, AnchorQueueKeys.BATCHES)) {
      return entries
          .filter(kv -> kv.key().length == 9)
          .map(kv -> Batch.decode(kv.value()))
          .toList();
    }
  }

  /** How many batches wait to be sent or confirmed; reads each one's status, not its leaves. */
  long pending() {
    try (Stream<KeyValue> entries = store.stream(Segment.CONSENT_QUEUE, AnchorQueueKeys.BATCHES)) {
      return entries
          .filter(kv -> kv.key().length == 9)
          .filter(kv -> Batch.statusOf(kv.value()) != Batch.Status.CONFIRMED)
          .count();
    }
  }

  /** Whether any confirmed batch is kept. */
  boolean holdsConfirmed() {
    try (Stream<KeyValue> entries =
        store.stream(Segment.CONSENT_QUEUE, AnchorQueueKeys.CONFIRMED_ROOTS)) {
      return entries.findFirst().isPresent();
    }
  }

  /**
   * Checks every confirmed batch against the index: resets one whose root the index no longer has
   * (a reorg rolled it back; its leaves lose their proofs and it waits to be sent again) or has in
   * another block than the one it was confirmed in (a reorg mined the same transaction again
   * elsewhere; the next round confirms it there, without a re-send), deletes one anchored more than
   * {@link AnchorerConfig#pruneAfterBlocks} below {@code head}.
   */
  void checkConfirmed(long head) {
    Map<Long, byte[]> confirmed = new LinkedHashMap<>();
    try (Stream<KeyValue> entries =
        store.stream(Segment.CONSENT_QUEUE, AnchorQueueKeys.CONFIRMED_ROOTS)) {
      entries.forEach(kv -> confirmed.put(AnchorQueueKeys.batchSeq(kv.key()), kv.value()));
    }
    confirmed.forEach(
        (seq, value) -> {
          Optional<AnchoredRoot> anchored =
              AnchorProofs.root(store, AnchorQueueKeys.confirmedRootOf(value));
          if (anchored.isEmpty()) {
            reset(confirmedBatch(seq), head);
          } else if (AnchorQueueKeys.confirmedElsewhere(value, anchored.get().blockHash())) {
            LOG.warn(
                "the anchor of batch {} was mined again, in block {}: moving its proofs there",
                seq,
                anchored.get().blockNumber());
            reset(confirmedBatch(seq), head);
          } else if (anchored.get().blockNumber() + config.pruneAfterBlocks() < head) {
            prune(seq);
          }
        });
  }

  private Batch confirmedBatch(long seq) {
    return store
        .get(Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedBatch(seq))
        .map(Batch::decode)
        .orElseThrow(() -> new IllegalStateException("confirmed batch " + seq + " is missing"));
  }

  long head() {
    return chain.blockNumber();
  }

  /** One step for one batch at chain head {@code head}; chain failures propagate. */
  void advance(Batch batch, long head) {
    switch (batch.status()) {
      case CONFIRMED -> {
        // Kept among the batches in flight by an earlier version: moved, then checked with the
        // other confirmed batches (in which block it was confirmed is not known).
        try (Transaction tx = store.startTransaction()) {
          keepConfirmed(tx, batch, null);
          tx.commit();
        }
      }
      case SENT, SENDING -> {
        Optional<AnchoredRoot> anchored = AnchorProofs.root(store, batch.root());
        if (anchored.isPresent()) {
          confirm(batch, anchored.get());
        } else if (batch.attempts() == 0 || mayResend(batch, head)) {
          send(batch, head);
        }
      }
    }
  }

  private boolean mayResend(Batch batch, long head) {
    if (head - batch.sentAtBlock() < config.resendAfterBlocks()) {
      return false;
    }
    if (batch.txHash() == null) {
      return true; // a crash mid-send: nothing landed in the whole window
    }
    AnchorChain.TxState state = chain.transaction(batch.txHash());
    if (state == AnchorChain.TxState.PENDING || state == AnchorChain.TxState.MINED) {
      return false; // it may still land, or the index has yet to reach it (K)
    }
    LOG.warn("anchor tx {} of batch {} is {}: re-sending", batch.txHash(), batch.seq(), state);
    return true;
  }

  private void send(Batch batch, long head) {
    Batch sending = batch.sending(head);
    write(sending);
    String txHash;
    try {
      txHash = chain.submit(batch.root(), batch.leaves().size(), batch.withdrawn());
    } catch (AnchorChainException e) {
      write(batch); // refused or unreachable: nothing was sent
      throw e;
    }
    write(sending.sent(txHash));
    LOG.info(
        "sent anchor of batch {} ({} leaves, {} withdrawals, root {}): tx {}",
        batch.seq(),
        batch.leaves().size(),
        batch.withdrawn().size(),
        Numeric.toHexString(batch.root()),
        txHash);
  }

  private void confirm(Batch batch, AnchoredRoot anchored) {
    String root = Numeric.toHexString(batch.root());
    List<LeafAnchor> anchors = new ArrayList<>(batch.leaves().size());
    List<byte[]> encoded = new ArrayList<>(batch.leaves().size());
    if (!batch.leaves().isEmpty()) {
      MerkleTree tree = trees.of(batch.root(), batch.leaves());
      LeafAnchor.BatchEncoder encoder =
          new LeafAnchor.BatchEncoder(
              root, anchored.txHash(), anchored.blockNumber(), anchored.blockHash());
      for (int i = 0; i < batch.leaves().size(); i++) {
        List<byte[]> proof = tree.proof(i);
        anchors.add(
            new LeafAnchor(
                root, i, proof, anchored.txHash(), anchored.blockNumber(), anchored.blockHash()));
        encoded.add(encoder.encode(i, proof));
      }
    }
    listener.transaction(
        () -> {
          try (Transaction tx = store.startTransaction()) {
            for (int i = 0; i < anchors.size(); i++) {
              byte[] leaf = batch.leaves().get(i);
              Optional<ProofPlace> place = listener.anchored(tx, leaf, anchors.get(i));
              if (place.isPresent()) {
                AnchorProofs.store(tx, leaf, place.get(), encoded.get(i));
              }
            }
            keepConfirmed(tx, batch.confirmed(), anchored.blockHash());
            listener.beforeCommit(tx);
            tx.commit();
          }
        });
    LOG.info("batch {} anchored in block {}", batch.seq(), anchored.blockNumber());
  }

  private void reset(Batch batch, long head) {
    String root = Numeric.toHexString(batch.root());
    listener.transaction(
        () -> {
          try (Transaction tx = store.startTransaction()) {
            for (byte[] leaf : batch.leaves()) {
              AnchorProofs.forget(tx, leaf, listener.unanchored(tx, leaf, root));
            }
            tx.delete(Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedRoot(batch.seq()));
            tx.delete(Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedBatch(batch.seq()));
            tx.put(
                Segment.CONSENT_QUEUE,
                AnchorQueueKeys.batch(batch.seq()),
                batch.unconfirmed(head).encode());
            listener.beforeCommit(tx);
            tx.commit();
          }
        });
    LOG.warn("a reorg removed the anchor of batch {}: its proofs are pending again", batch.seq());
  }

  /**
   * Moves a confirmed batch out of the batches in flight, in the caller's transaction, with the
   * hash of the block it was confirmed in (null: not known).
   */
  private static void keepConfirmed(Transaction tx, Batch confirmed, String blockHash) {
    tx.delete(Segment.CONSENT_QUEUE, AnchorQueueKeys.batch(confirmed.seq()));
    tx.put(
        Segment.CONSENT_QUEUE,
        AnchorQueueKeys.confirmedRoot(confirmed.seq()),
        AnchorQueueKeys.confirmedRootValue(confirmed.root(), blockHash));
    tx.put(
        Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedBatch(confirmed.seq()), confirmed.encode());
  }

  private void prune(long seq) {
    try (Transaction tx = store.startTransaction()) {
      tx.delete(Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedRoot(seq));
      tx.delete(Segment.CONSENT_QUEUE, AnchorQueueKeys.confirmedBatch(seq));
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

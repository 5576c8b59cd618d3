package io.assent.node.anchor;

import io.assent.contracts.consent.MerkleTree;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.List;
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
 */
final class BatchTracker {
  private static final Logger LOG = LoggerFactory.getLogger(BatchTracker.class);

  private final KeyValueStore store;
  private final AnchorChain chain;
  private final AnchorerConfig config;
  private final AnchorListener listener;

  BatchTracker(
      KeyValueStore store, AnchorChain chain, AnchorerConfig config, AnchorListener listener) {
    this.store = store;
    this.chain = chain;
    this.config = config;
    this.listener = listener;
  }

  List<Batch> batches() {
    try (Stream<io.assent.node.store.KeyValue> entries =
        store.stream(Segment.CONSENT_QUEUE, AnchorQueueKeys.BATCHES)) {
      return entries
          .filter(kv -> kv.key().length == 9)
          .map(kv -> Batch.decode(kv.value()))
          .toList();
    }
  }

  long head() {
    return chain.blockNumber();
  }

  /** One step for one batch at chain head {@code head}; chain failures propagate. */
  void advance(Batch batch, long head) {
    Optional<AnchoredRoot> anchored = AnchorProofs.root(store, batch.root());
    switch (batch.status()) {
      case CONFIRMED -> {
        if (anchored.isEmpty()) {
          reset(batch, head);
        } else if (anchored.get().blockNumber() + config.pruneAfterBlocks() < head) {
          delete(batch);
        }
      }
      case SENT, SENDING -> {
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
    if (!batch.leaves().isEmpty()) {
      MerkleTree tree = MerkleTree.of(batch.leaves());
      for (int i = 0; i < batch.leaves().size(); i++) {
        anchors.add(
            new LeafAnchor(
                root,
                i,
                tree.proof(i),
                anchored.txHash(),
                anchored.blockNumber(),
                anchored.blockHash()));
      }
    }
    listener.transaction(
        () -> {
          try (Transaction tx = store.startTransaction()) {
            for (int i = 0; i < anchors.size(); i++) {
              if (listener.anchored(tx, batch.leaves().get(i), anchors.get(i))) {
                AnchorProofs.store(tx, batch.leaves().get(i), anchors.get(i));
              }
            }
            tx.put(
                Segment.CONSENT_QUEUE,
                AnchorQueueKeys.batch(batch.seq()),
                batch.confirmed().encode());
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
              AnchorProofs.forget(tx, leaf);
              listener.unanchored(tx, leaf, root);
            }
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

  private void delete(Batch batch) {
    try (Transaction tx = store.startTransaction()) {
      tx.delete(Segment.CONSENT_QUEUE, AnchorQueueKeys.batch(batch.seq()));
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

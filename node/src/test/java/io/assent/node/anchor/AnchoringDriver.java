package io.assent.node.anchor;

import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import io.assent.node.testing.ManualClock;
import java.time.Duration;

/**
 * Anchors what a store's queue holds with the real {@link Anchorer} against a {@link
 * FakeAnchorChain}, indexing each submission as the follower would: for unit tests of other
 * packages that need anchored consents (proofs, roots, on-chain withdrawals).
 */
public final class AnchoringDriver {
  private final KeyValueStore store;
  private final FakeAnchorChain chain = new FakeAnchorChain();
  private final Anchorer anchorer;
  private final AnchorIndexer indexer = new AnchorIndexer(AnchorLogs.CONTRACT);
  private long block = 100;
  private int indexed;

  public AnchoringDriver(KeyValueStore store, AnchorListener listener) {
    this.store = store;
    AnchorerConfig config =
        AnchorerConfig.defaults().withBatchSize(10_000).withMaxWait(Duration.ZERO);
    this.anchorer = new Anchorer(store, chain, config, new ManualClock(), listener);
  }

  /**
   * Sends everything queued, indexes each submission in its own next block and stores the proofs; a
   * batch the anchorer closes meanwhile (consents accepted concurrently) is anchored too. Returns
   * the last block.
   */
  public long anchorQueued() {
    return anchorQueued(() -> {});
  }

  /** As {@link #anchorQueued()}, running {@code meanwhile} after the send, before the index. */
  public long anchorQueued(Runnable meanwhile) {
    int before = chain.submissions.size();
    anchorer.runOnce();
    if (chain.submissions.size() == before) {
      throw new IllegalStateException("nothing was queued");
    }
    meanwhile.run();
    while (indexed < chain.submissions.size()) {
      FakeAnchorChain.Submission s = chain.submissions.get(indexed++);
      chain.states.put(s.txHash(), AnchorChain.TxState.MINED);
      block++;
      chain.head = block;
      try (Transaction tx = store.startTransaction()) {
        indexer.apply(
            AnchorLogs.anchored(block, 0, s.txHash(), s.root(), s.count(), s.withdrawn()), tx);
        tx.commit();
      }
      anchorer.runOnce();
    }
    return block;
  }

  /** A reorg drops the last anchor from the index; the anchorer resets its proofs. */
  public void dropLastAnchor() {
    FakeAnchorChain.Submission s = chain.last();
    try (Transaction tx = store.startTransaction()) {
      tx.delete(Segment.ANCHOR_ROOTS, s.root());
      for (byte[] id : s.withdrawn()) {
        tx.delete(Segment.ANCHOR_WITHDRAWN, id);
      }
      tx.commit();
    }
    chain.states.put(s.txHash(), AnchorChain.TxState.UNKNOWN);
    anchorer.indexRolledBack(); // as the follower's rollback does
    anchorer.runOnce();
  }

  public String lastTxHash() {
    return chain.last().txHash();
  }
}

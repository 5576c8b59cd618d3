package io.assent.node.anchor;

import io.assent.node.store.Transaction;
import java.util.Optional;

/**
 * Indexes that another part of the node keeps of anchoring, updated inside the anchorer's own
 * transaction so they never disagree with the stored proofs (the consent domain's per-dataset
 * summary implements it). Calls come from the anchorer's single thread, inside {@link
 * #transaction}.
 */
public interface AnchorListener {
  /** Keeps no index; every proof is kept {@link ProofPlace#BY_LEAF}. */
  AnchorListener NONE =
      new AnchorListener() {
        @Override
        public Optional<ProofPlace> anchored(Transaction tx, byte[] leaf, LeafAnchor anchor) {
          return Optional.of(ProofPlace.BY_LEAF);
        }

        @Override
        public ProofPlace unanchored(Transaction tx, byte[] leaf, String root) {
          return ProofPlace.BY_LEAF;
        }
      };

  /**
   * Runs one anchorer transaction that calls this listener, from its start to its commit. A
   * listener whose indexes another thread also writes serializes the two here; the default just
   * runs it.
   */
  default void transaction(Runnable work) {
    work.run();
  }

  /**
   * Called in each anchorer transaction that called this listener, just before it commits: writes
   * what the listener summed over the transaction's leaves.
   */
  default void beforeCommit(Transaction tx) {}

  /**
   * A batch holding the leaf is anchored: updates the listener's indexes in {@code tx} and says
   * where the leaf's proof is to be stored there (after this call). Empty for a consent erased
   * meanwhile: its proof would be a useless remnant, linking the leaf to this node's records.
   */
  Optional<ProofPlace> anchored(Transaction tx, byte[] leaf, LeafAnchor anchor);

  /**
   * A reorg dropped the leaf's anchor under {@code root}: updates the listener's indexes in {@code
   * tx} and says where the leaf's proof, if it has one, is kept; it is deleted there after this
   * call.
   */
  ProofPlace unanchored(Transaction tx, byte[] leaf, String root);
}

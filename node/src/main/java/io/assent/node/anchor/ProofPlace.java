package io.assent.node.anchor;

/**
 * Where a consent leaf's anchor proof is kept.
 *
 * <p>Under the consent's slot, its acceptance sequence on this node (the leaf's place in the
 * anchorer's queue, recorded in the consent's state): {@code CONSENT_PROOFS[slot]}. Batches take
 * the queue in order, so the anchorer writes proofs in key order, which RocksDB appends cheaply and
 * whose files its compactions move down without rewriting them. Keyed by the leaf, the proofs (~430
 * bytes each) landed at random places in {@code CONSENT_STATE}, and each compaction rewrote them
 * with the states around them (see BENCHMARKS.md, fifteenth session).
 *
 * <p>Or {@link #BY_LEAF}: {@code CONSENT_STATE['A' ‖ leaf]}, where nodes before the slots kept
 * every proof. Consents accepted by those nodes keep theirs there, as do leaves without a consent
 * state (the anchorer's own tests).
 */
public record ProofPlace(long slot) {
  /** Under the leaf itself (no slot). */
  public static final ProofPlace BY_LEAF = new ProofPlace(-1);

  /** Under a consent's slot. */
  public static ProofPlace slot(long slot) {
    if (slot < 0) {
      throw new IllegalArgumentException("a slot is not negative");
    }
    return new ProofPlace(slot);
  }

  public boolean byLeaf() {
    return slot < 0;
  }
}

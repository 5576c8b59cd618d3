package io.assent.node.anchor;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Optional;

/**
 * Read access to what the anchoring knows, for the consent domain: a leaf's proof (written by the
 * {@link Anchorer} once the chain index at head - K has its root, removed again if a reorg drops
 * it) at its {@link ProofPlace}, and the chain index's roots and withdrawals.
 */
public final class AnchorProofs {
  private static final byte[] LEAF_ANCHOR = {'A'};

  private AnchorProofs() {}

  /** The anchor of a consent (its id is its leaf) kept at {@code place}; empty while pending. */
  public static Optional<LeafAnchor> leafAnchor(
      KeyValueReader reader, byte[] consentId, ProofPlace place) {
    return read(reader, consentId, place).map(LeafAnchor::decode);
  }

  /** Whether the consent's leaf has its proof at {@code place} (without decoding it). */
  public static boolean isAnchored(KeyValueReader reader, byte[] consentId, ProofPlace place) {
    return read(reader, consentId, place).isPresent();
  }

  /** The first on-chain anchoring of a withdrawal of this consent id, at head - K. */
  public static Optional<AnchoredWithdrawal> withdrawal(KeyValueReader reader, byte[] consentId) {
    return reader.get(Segment.ANCHOR_WITHDRAWN, consentId).map(AnchoredWithdrawal::decode);
  }

  /** The first on-chain anchoring of a root, at head - K. */
  public static Optional<AnchoredRoot> root(KeyValueReader reader, byte[] root) {
    return reader.get(Segment.ANCHOR_ROOTS, root).map(AnchoredRoot::decode);
  }

  /** Deletes a leaf's anchor (erasure may call this in its transaction). */
  public static void forget(Transaction tx, byte[] consentId, ProofPlace place) {
    if (place.byLeaf()) {
      tx.delete(Segment.CONSENT_STATE, byLeaf(consentId));
    } else {
      tx.delete(Segment.CONSENT_PROOFS, bySlot(place));
    }
  }

  /** Stores a leaf's anchor ({@link LeafAnchor#encode}), in the anchorer's transaction. */
  static void store(Transaction tx, byte[] leaf, ProofPlace place, byte[] encodedAnchor) {
    if (place.byLeaf()) {
      tx.put(Segment.CONSENT_STATE, byLeaf(leaf), encodedAnchor);
    } else {
      tx.put(Segment.CONSENT_PROOFS, bySlot(place), encodedAnchor);
    }
  }

  private static Optional<byte[]> read(KeyValueReader reader, byte[] consentId, ProofPlace place) {
    return place.byLeaf()
        ? reader.get(Segment.CONSENT_STATE, byLeaf(consentId))
        : reader.get(Segment.CONSENT_PROOFS, bySlot(place));
  }

  private static byte[] byLeaf(byte[] consentId) {
    AnchorQueueKeys.requireBytes32(consentId);
    return Bytes.concat(LEAF_ANCHOR, consentId);
  }

  private static byte[] bySlot(ProofPlace place) {
    return Bytes.longBytes(place.slot());
  }
}

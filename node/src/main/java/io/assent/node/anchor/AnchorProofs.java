package io.assent.node.anchor;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Optional;

/**
 * Read access to what the anchoring knows, for the consent domain: a leaf's proof (written by the
 * {@link Anchorer} once the chain index at head - K has its root, removed again if a reorg drops
 * it) under {@code CONSENT_STATE['A' ‖ leaf]}, and the chain index's roots and withdrawals.
 */
public final class AnchorProofs {
  private static final byte[] LEAF_ANCHOR = {'A'};

  private AnchorProofs() {}

  /** The anchor of a consent (its id is its leaf); empty while pending. */
  public static Optional<LeafAnchor> leafAnchor(KeyValueReader reader, byte[] consentId) {
    return reader.get(Segment.CONSENT_STATE, key(consentId)).map(LeafAnchor::decode);
  }

  /** Whether the consent's leaf has its proof (without decoding it). */
  public static boolean isAnchored(KeyValueReader reader, byte[] consentId) {
    return reader.get(Segment.CONSENT_STATE, key(consentId)).isPresent();
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
  public static void forget(Transaction tx, byte[] consentId) {
    tx.delete(Segment.CONSENT_STATE, key(consentId));
  }

  /** Stores a leaf's anchor ({@link LeafAnchor#encode}), in the anchorer's transaction. */
  static void store(Transaction tx, byte[] leaf, byte[] encodedAnchor) {
    tx.put(Segment.CONSENT_STATE, key(leaf), encodedAnchor);
  }

  private static byte[] key(byte[] consentId) {
    AnchorQueueKeys.requireBytes32(consentId);
    return Bytes.concat(LEAF_ANCHOR, consentId);
  }
}

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
    return Location.of(consentId, place).read(reader).map(LeafAnchor::decode);
  }

  /** Whether the consent's leaf has its proof at {@code place} (without decoding it). */
  public static boolean isAnchored(KeyValueReader reader, byte[] consentId, ProofPlace place) {
    return Location.of(consentId, place).read(reader).isPresent();
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
    Location at = Location.of(consentId, place);
    tx.delete(at.segment(), at.key());
  }

  /** Stores a leaf's anchor ({@link LeafAnchor#encode}), in the anchorer's transaction. */
  static void store(Transaction tx, byte[] leaf, ProofPlace place, byte[] encodedAnchor) {
    Location at = Location.of(leaf, place);
    tx.put(at.segment(), at.key(), encodedAnchor);
  }

  /** The entry that holds a leaf's proof at {@code place}. */
  private record Location(Segment segment, byte[] key) {
    static Location of(byte[] leaf, ProofPlace place) {
      if (place.byLeaf()) {
        AnchorQueueKeys.requireBytes32(leaf);
        return new Location(Segment.CONSENT_STATE, Bytes.concat(LEAF_ANCHOR, leaf));
      }
      return new Location(Segment.CONSENT_PROOFS, Bytes.longBytes(place.slot()));
    }

    Optional<byte[]> read(KeyValueReader reader) {
      return reader.get(segment, key);
    }
  }
}

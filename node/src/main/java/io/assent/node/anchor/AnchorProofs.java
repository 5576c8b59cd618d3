package io.assent.node.anchor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private AnchorProofs() {}

  /** The anchor of a consent (its id is its leaf); empty while pending. */
  public static Optional<LeafAnchor> leafAnchor(KeyValueReader reader, byte[] consentId) {
    return reader.get(Segment.CONSENT_STATE, key(consentId)).map(LeafAnchor::decode);
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

  /**
   * Stores a leaf's anchor, unless the consent domain's state says the consent was erased (its
   * proof would be a useless remnant): {@code CONSENT_STATE[id]} is its JSON, {@code status} {@code
   * "erased"}. Returns whether it stored it.
   */
  static boolean store(Transaction tx, byte[] leaf, LeafAnchor anchor) {
    if (erased(tx, leaf)) {
      return false;
    }
    tx.put(Segment.CONSENT_STATE, key(leaf), anchor.encode());
    return true;
  }

  private static boolean erased(KeyValueReader reader, byte[] id) {
    Optional<byte[]> state = reader.get(Segment.CONSENT_STATE, id);
    if (state.isEmpty()) {
      return false;
    }
    // Reads only as far as the top-level "status" (the second member): once per anchored leaf.
    try (JsonParser json = JSON.createParser(state.get())) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        json.nextToken();
        if (name.equals("status")) {
          return "erased".equals(json.getValueAsString());
        }
        json.skipChildren();
      }
      return false;
    } catch (java.io.IOException e) {
      return false; // not the consent domain's JSON: nothing says it was erased
    }
  }

  private static byte[] key(byte[] consentId) {
    AnchorQueueKeys.requireBytes32(consentId);
    return Bytes.concat(LEAF_ANCHOR, consentId);
  }
}

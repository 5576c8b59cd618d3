package io.assent.node.consent;

import io.assent.node.anchor.AnchorListener;
import io.assent.node.anchor.LeafAnchor;
import io.assent.node.store.Bytes;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * The anchorer's side of the per-dataset summary ({@link DatasetTallyKeys}): an anchored consent
 * leaves the unanchored set and its root is recorded for its dataset and purpose group; a reorg
 * undoes both. Runs in the anchorer's transaction, on its thread (the only writer of the roots).
 */
public final class AnchoringTally implements AnchorListener {

  @Override
  public void anchored(Transaction tx, byte[] leaf, LeafAnchor anchor) {
    Optional<ConsentState> held = held(tx, leaf);
    if (held.isEmpty()) {
      return;
    }
    ConsentState s = held.get();
    byte[] dataset = ConsentKeys.hex(s.dataset());
    byte[] group = DatasetTallyKeys.group(s.purposes());
    tx.delete(Segment.CONSENT_INDEX, DatasetTallyKeys.unanchored(dataset, leaf));
    tx.delete(Segment.CONSENT_INDEX, DatasetTallyKeys.withdrawnUnanchored(dataset, leaf));
    byte[] key = DatasetTallyKeys.root(dataset, group, ConsentKeys.hex(anchor.root()));
    RootSpan span =
        tx.get(Segment.CONSENT_INDEX, key)
            .map(RootSpan::decode)
            .orElseGet(
                () ->
                    new RootSpan(
                        s.validFrom(),
                        DatasetTally.until(s),
                        anchor.blockNumber(),
                        anchor.txHash()));
    tx.put(Segment.CONSENT_INDEX, key, span.widen(s.validFrom(), DatasetTally.until(s)).encode());
  }

  @Override
  public void unanchored(Transaction tx, byte[] leaf, String root) {
    Optional<ConsentState> held = held(tx, leaf);
    if (held.isEmpty()) {
      return;
    }
    ConsentState s = held.get();
    byte[] dataset = ConsentKeys.hex(s.dataset());
    byte[] group = DatasetTallyKeys.group(s.purposes());
    tx.put(
        Segment.CONSENT_INDEX,
        DatasetTallyKeys.unanchored(dataset, leaf),
        DatasetTally.unanchored(group, s));
    if (s.withdrawal() != null) {
      tx.put(
          Segment.CONSENT_INDEX,
          DatasetTallyKeys.withdrawnUnanchored(dataset, leaf),
          Bytes.longBytes(s.withdrawal().time()));
    }
    tx.delete(
        Segment.CONSENT_INDEX,
        DatasetTallyKeys.root(dataset, group, Numeric.hexStringToByteArray(root)));
  }

  private static Optional<ConsentState> held(Transaction tx, byte[] leaf) {
    return tx.get(Segment.CONSENT_STATE, leaf).map(ConsentState::decode).filter(s -> !s.erased());
  }
}

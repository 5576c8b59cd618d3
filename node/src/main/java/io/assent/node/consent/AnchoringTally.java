package io.assent.node.consent;

import io.assent.node.anchor.AnchorListener;
import io.assent.node.anchor.LeafAnchor;
import io.assent.node.anchor.ProofPlace;
import io.assent.node.store.Bytes;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.web3j.utils.Numeric;

/**
 * The anchorer's side of the per-dataset summary ({@link DatasetTallyKeys}): an anchored consent
 * enters the anchored tally (in the transaction that stores its proof), and its root is recorded
 * for its dataset and purpose group; a reorg undoes both. Runs in the anchorer's transaction, on
 * its thread (the only writer of the roots), holding the {@link SummaryWriters} it shares with the
 * consent service; the anchored-tally changes and the root spans of a transaction's leaves are
 * summed, and the roots versions of the groups it changed bumped, once each, before it commits.
 */
public final class AnchoringTally implements AnchorListener {
  private final SummaryWriters writers;

  /** The anchored-tally changes of the current transaction, written once before it commits. */
  private final TallyBatch anchoredEvents = new TallyBatch();

  /** The roots-version keys of the groups whose roots the current transaction changes. */
  private final Set<ByteBuffer> rootsChanged = new HashSet<>();

  /**
   * The spans the current transaction's leaves add, by root key: a batch's leaves mostly share a
   * few roots, so each is read and written once, before the commit, not once per leaf.
   */
  private final Map<ByteBuffer, RootSpan> spans = new HashMap<>();

  /**
   * @param writers the same instance as the store's {@link ConsentService}
   */
  public AnchoringTally(SummaryWriters writers) {
    this.writers = writers;
  }

  @Override
  public void transaction(Runnable work) {
    try {
      writers.run(work);
    } finally {
      // A transaction that failed before its commit leaves nothing behind.
      anchoredEvents.clear();
      rootsChanged.clear();
      spans.clear();
    }
  }

  @Override
  public void beforeCommit(Transaction tx) {
    anchoredEvents.writeTo(tx);
    spans.forEach(
        (key, added) -> {
          RootSpan span =
              tx.get(Segment.CONSENT_INDEX, key.array())
                  .map(RootSpan::decode)
                  .map(stored -> stored.widen(added.minFrom(), added.maxUntil()))
                  .orElse(added);
          tx.put(Segment.CONSENT_INDEX, key.array(), span.encode());
        });
    spans.clear();
    for (ByteBuffer key : rootsChanged) {
      long version =
          tx.get(Segment.CONSENT_INDEX, key.array()).map(b -> Bytes.toLong(b, 0)).orElse(0L);
      tx.put(Segment.CONSENT_INDEX, key.array(), Bytes.longBytes(version + 1));
    }
    rootsChanged.clear();
  }

  /**
   * Empty for an erased consent: it keeps no proof. A leaf without state keeps its proof by leaf.
   */
  @Override
  public Optional<ProofPlace> anchored(Transaction tx, byte[] leaf, LeafAnchor anchor) {
    Optional<ConsentState> state = tx.get(Segment.CONSENT_STATE, leaf).map(ConsentState::decode);
    if (state.isEmpty()) {
      return Optional.of(ProofPlace.BY_LEAF);
    }
    ConsentState s = state.get();
    if (s.erased()) {
      return Optional.empty();
    }
    byte[] dataset = ConsentKeys.hex(s.dataset());
    byte[] group = DatasetTallyKeys.group(s.purposes());
    if (!DatasetTally.anchored(tx, leaf, s)) {
      anchoredEvents.events(DatasetTallyKeys.anchored(dataset, group), DatasetTally.events(s, 1));
    }
    ByteBuffer key =
        ByteBuffer.wrap(DatasetTallyKeys.root(dataset, group, ConsentKeys.hex(anchor.root())));
    RootSpan leafSpan =
        new RootSpan(s.validFrom(), DatasetTally.until(s), anchor.blockNumber(), anchor.txHash());
    spans.merge(key, leafSpan, (a, b) -> a.widen(b.minFrom(), b.maxUntil()));
    rootsChanged.add(ByteBuffer.wrap(DatasetTallyKeys.rootsVersion(dataset, group)));
    return Optional.of(s.proofPlace());
  }

  /** An erased consent has no proof left; a leaf without state keeps its proof by leaf. */
  @Override
  public ProofPlace unanchored(Transaction tx, byte[] leaf, String root) {
    Optional<ConsentState> state = tx.get(Segment.CONSENT_STATE, leaf).map(ConsentState::decode);
    if (state.isEmpty()) {
      return ProofPlace.BY_LEAF;
    }
    ConsentState s = state.get();
    if (s.erased()) {
      return ProofPlace.BY_LEAF; // nothing there: the erasure deleted the proof
    }
    byte[] dataset = ConsentKeys.hex(s.dataset());
    byte[] group = DatasetTallyKeys.group(s.purposes());
    if (DatasetTally.anchored(tx, leaf, s)) {
      anchoredEvents.events(DatasetTallyKeys.anchored(dataset, group), DatasetTally.events(s, -1));
    }
    byte[] key = DatasetTallyKeys.root(dataset, group, Numeric.hexStringToByteArray(root));
    spans.remove(ByteBuffer.wrap(key));
    tx.delete(Segment.CONSENT_INDEX, key);
    rootsChanged.add(ByteBuffer.wrap(DatasetTallyKeys.rootsVersion(dataset, group)));
    return s.proofPlace();
  }
}

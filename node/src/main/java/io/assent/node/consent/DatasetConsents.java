package io.assent.node.consent;

import io.assent.node.anchor.AnchorProofs;
import io.assent.node.anchor.LeafAnchor;
import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.web3j.utils.Numeric;

/**
 * Per-dataset reads of this node's consents, for permits and the curator's manifest. The summary
 * reads the precomputed counters ({@link DatasetTallyKeys}): its cost grows with the number of
 * purpose groups, time buckets and anchor roots, not with the consents held. The manifest and the
 * withdrawal list scan the dataset's consents (they return them all).
 *
 * <p>Consents withdrawn on chain by someone else's anchor while this node holds no withdrawal for
 * them are not in the summary's counts; the manifest leaves them out.
 */
public final class DatasetConsents {
  /** The latest time a query may ask about (year 36812). */
  public static final long MAX_AT = TimeTally.MAX_AT;

  private final KeyValueReader store;
  private final AnchorRoots roots = new AnchorRoots();

  public DatasetConsents(KeyValueReader store) {
    this.store = store;
  }

  /**
   * @param dataset 32-byte id, 0x-hex
   * @param purposes a consent counts when its purposes include one of these
   * @param at unix seconds, 0..{@link #MAX_AT}
   */
  public DatasetConsentSummary summary(String dataset, Collection<String> purposes, long at) {
    requireTime(at);
    byte[] ds = ConsentKeys.hex(dataset);
    Map<String, GroupTotals> groups = groups(ds, purposes);
    long live = 0;
    long erased = erased(ds);
    long[] sums = new long[TimeTally.KINDS];
    long anchoredActive = 0;
    Map<String, DatasetConsentSummary.AnchorRef> anchors = new LinkedHashMap<>();
    for (Map.Entry<String, GroupTotals> group : groups.entrySet()) {
      byte[] g = Numeric.hexStringToByteArray(group.getKey());
      live += group.getValue().live();
      long[] through = TimeTally.through(store, DatasetTallyKeys.times(ds, g), at);
      for (int i = 0; i < sums.length; i++) {
        sums[i] += through[i];
      }
      anchoredActive +=
          TimeTally.through(store, DatasetTallyKeys.anchored(ds, g), at)[DatasetTally.ACTIVE];
      for (AnchorRoots.Root root : roots.of(store, ds, g)) {
        if (root.span().covers(at)) {
          anchors.putIfAbsent(root.ref().root(), root.ref());
        }
      }
    }
    long active = sums[DatasetTally.ACTIVE];
    long pending = active - anchoredActive;
    List<DatasetConsentSummary.AnchorRef> sorted = new ArrayList<>(anchors.values());
    sorted.sort(Comparator.comparingLong(DatasetConsentSummary.AnchorRef::blockNumber));
    return new DatasetConsentSummary(
        live + erased,
        active - pending,
        pending,
        sums[DatasetTally.WITHDRAWN],
        sums[DatasetTally.EXPIRED],
        live - active - sums[DatasetTally.EXPIRED] - sums[DatasetTally.WITHDRAWN],
        erased,
        sorted);
  }

  /** How many consents for the dataset this node holds or held (erased ones too), any purpose. */
  public long held(String dataset) {
    byte[] ds = ConsentKeys.hex(dataset);
    try (Stream<KeyValue> entries =
        store.stream(Segment.CONSENT_INDEX, DatasetTallyKeys.groups(ds))) {
      return erased(ds) + entries.mapToLong(kv -> GroupTotals.decode(kv.value()).live()).sum();
    }
  }

  private long erased(byte[] dataset) {
    return store
        .get(Segment.CONSENT_INDEX, DatasetTallyKeys.erased(dataset))
        .map(b -> Bytes.toLong(b, 0))
        .orElse(0L);
  }

  /** The purpose groups of the dataset that share a purpose with {@code purposes}, by hex id. */
  private Map<String, GroupTotals> groups(byte[] dataset, Collection<String> purposes) {
    Set<String> wanted = new HashSet<>(purposes);
    Map<String, GroupTotals> out = new LinkedHashMap<>();
    try (Stream<KeyValue> entries =
        store.stream(Segment.CONSENT_INDEX, DatasetTallyKeys.groups(dataset))) {
      entries.forEach(
          kv -> {
            GroupTotals totals = GroupTotals.decode(kv.value());
            if (!Collections.disjoint(totals.purposes(), wanted)) {
              out.put(
                  Numeric.toHexString(
                      DatasetTallyKeys.tail(kv.key(), DatasetTallyKeys.GROUP_BYTES)),
                  totals);
            }
          });
    }
    return out;
  }

  /**
   * The dataset's consents valid at {@code at} for one of {@code purposes} and anchored, with their
   * proofs, in consent id order. Lazy: close the stream.
   */
  public Stream<ManifestEntry> manifest(String dataset, Collection<String> purposes, long at) {
    requireTime(at);
    Set<String> wanted = Set.copyOf(purposes);
    return store.stream(Segment.CONSENT_INDEX, ConsentKeys.byDataset(dataset, new byte[0]))
        .map(kv -> DatasetTallyKeys.tail(kv.key(), 32))
        .map(id -> entry(id, wanted, at))
        .flatMap(Optional::stream);
  }

  private Optional<ManifestEntry> entry(byte[] id, Set<String> purposes, long at) {
    Optional<ConsentState> held = state(id);
    if (held.isEmpty()
        || !DatasetTally.activeAt(held.get(), at)
        || Collections.disjoint(held.get().purposes(), purposes)) {
      return Optional.empty();
    }
    ConsentState s = held.get();
    if (s.withdrawal() == null && AnchorProofs.withdrawal(store, id).isPresent()) {
      return Optional.empty(); // withdrawn on chain without a time known here: from the start
    }
    Optional<LeafAnchor> anchor = AnchorProofs.leafAnchor(store, id, s.proofPlace());
    return anchor.map(
        a ->
            new ManifestEntry(
                Numeric.toHexString(id),
                a.root(),
                a.index(),
                ConsentReads.hexes(a.proof()),
                a.txHash(),
                a.blockNumber(),
                s.validFrom(),
                s.validUntil(),
                s.purposes()));
  }

  /**
   * The dataset's consents withdrawn or erased here whose withdrawal is anchored on chain in block
   * {@code fromBlock} or later, by block then id.
   */
  public List<WithdrawnConsent> withdrawnSince(String dataset, long fromBlock) {
    List<WithdrawnConsent> out = new ArrayList<>();
    try (Stream<KeyValue> entries =
        store.stream(Segment.CONSENT_INDEX, DatasetTallyKeys.withdrawn(ConsentKeys.hex(dataset)))) {
      entries.forEach(
          kv -> {
            byte[] id = DatasetTallyKeys.tail(kv.key(), 32);
            AnchorProofs.withdrawal(store, id)
                .filter(w -> w.blockNumber() >= fromBlock)
                .ifPresent(
                    w ->
                        out.add(
                            new WithdrawnConsent(
                                Numeric.toHexString(id), w.blockNumber(), w.txHash())));
          });
    }
    out.sort(
        Comparator.comparingLong(WithdrawnConsent::blockNumber)
            .thenComparing(WithdrawnConsent::consentId));
    return out;
  }

  private Optional<ConsentState> state(byte[] id) {
    return store.get(Segment.CONSENT_STATE, id).map(ConsentState::decode);
  }

  private static void requireTime(long at) {
    if (at < 0 || at > MAX_AT) {
      throw new IllegalArgumentException("time must be within 0.." + MAX_AT + ": " + at);
    }
  }
}

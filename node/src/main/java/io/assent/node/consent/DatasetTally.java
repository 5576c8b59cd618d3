package io.assent.node.consent;

import io.assent.node.anchor.AnchorProofs;
import io.assent.node.store.Bytes;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consent service's hooks that keep the per-dataset summary ({@link DatasetTallyKeys}) in the
 * same transaction as the state it summarizes. Called on the service's commit thread only (the
 * counters are read, then written).
 *
 * <p>At a time {@code t}, a held consent with validity {@code [f, u)} and withdrawal time {@code w}
 * (absent: never) is withdrawn if {@code w <= t}, else expired if {@code u <= t}, else active if
 * {@code f <= t}, else not yet valid. Each count is a difference of "events at or before t", so a
 * consent adds at most five events to its group's {@link TimeTally}, and a withdrawal or erasure
 * replaces or removes them.
 *
 * <p>The counters (group totals, time tallies, erasures) go through the commit group's {@link
 * TallyBatch}; the per-consent withdrawn entries straight into the transaction. A withdrawal or
 * erasure of an anchored consent (one whose leaf has its proof, which the anchorer stores) also
 * changes the anchored tally: callers hold the {@link SummaryWriters} (the commit group does).
 * Accepting touches no anchored tally, so the busy path pays nothing for it.
 */
final class DatasetTally {
  static final int ACTIVE = 0;
  static final int EXPIRED = 1;
  static final int WITHDRAWN = 2;
  static final long NEVER = Long.MAX_VALUE;

  private DatasetTally() {}

  /**
   * What accepting one consent adds to its dataset's summary: worked out on the caller's thread,
   * added on the commit thread ({@link #accepted}), which then only sums.
   */
  record Acceptance(
      byte[] groupKey, List<String> purposes, byte[] timesKey, Map<Long, long[]> events) {
    static Acceptance of(ConsentState s) {
      byte[] dataset = ConsentKeys.hex(s.dataset());
      byte[] group = DatasetTallyKeys.group(s.purposes());
      return new Acceptance(
          DatasetTallyKeys.group(dataset, group),
          s.purposes(),
          DatasetTallyKeys.times(dataset, group),
          DatasetTally.events(s, 1));
    }
  }

  static void accepted(TallyBatch batch, Acceptance acceptance) {
    batch.live(acceptance.groupKey(), acceptance.purposes(), 1);
    batch.events(acceptance.timesKey(), acceptance.events());
  }

  /**
   * Whether a held consent counts in the anchored tally: whether its leaf has its proof. The
   * anchorer stores and deletes proofs in the transactions that change the anchored tally.
   */
  static boolean anchored(Transaction tx, byte[] id, ConsentState s) {
    return AnchorProofs.isAnchored(tx, id, s.proofPlace());
  }

  static void withdrawn(
      Transaction tx, TallyBatch batch, byte[] id, ConsentState before, long time) {
    byte[] dataset = ConsentKeys.hex(before.dataset());
    byte[] group = DatasetTallyKeys.group(before.purposes());
    Map<Long, long[]> events = new TreeMap<>();
    events(events, before.validFrom(), until(before), withdrawal(before), -1);
    events(events, before.validFrom(), until(before), time, 1);
    batch.events(DatasetTallyKeys.times(dataset, group), events);
    if (anchored(tx, id, before)) {
      batch.events(DatasetTallyKeys.anchored(dataset, group), events);
    }
    tx.put(Segment.CONSENT_INDEX, DatasetTallyKeys.withdrawn(dataset, id), Bytes.longBytes(time));
  }

  /**
   * Before the erasure deletes the leaf's proof, in the same transaction.
   *
   * @return the key of the purpose group's entry, which {@code batch} writes when the commit group
   *     ends (deleting it with the group's last consent): it holds the purposes in plain, so the
   *     erasure's compaction must cover it
   */
  static byte[] erased(Transaction tx, TallyBatch batch, byte[] id, ConsentState before) {
    byte[] dataset = ConsentKeys.hex(before.dataset());
    byte[] group = DatasetTallyKeys.group(before.purposes());
    byte[] groupEntry = DatasetTallyKeys.group(dataset, group);
    batch.live(groupEntry, before.purposes(), -1);
    batch.erased(DatasetTallyKeys.erased(dataset));
    Map<Long, long[]> events = events(before, -1);
    batch.events(DatasetTallyKeys.times(dataset, group), events);
    if (anchored(tx, id, before)) {
      batch.events(DatasetTallyKeys.anchored(dataset, group), events);
    }
    // Time 0: gone for every time.
    tx.put(Segment.CONSENT_INDEX, DatasetTallyKeys.withdrawn(dataset, id), Bytes.longBytes(0));
    return groupEntry;
  }

  /** {@code sign} times the events of one consent as it stands (validity and withdrawal). */
  static Map<Long, long[]> events(ConsentState s, int sign) {
    Map<Long, long[]> events = new TreeMap<>();
    events(events, s.validFrom(), until(s), withdrawal(s), sign);
    return events;
  }

  /** The end of the grant's validity; {@link #NEVER} for none. */
  static long until(ConsentState s) {
    return s.validUntil() == 0 ? NEVER : s.validUntil();
  }

  /** The time of the withdrawal accepted here; {@link #NEVER} for none. */
  static long withdrawal(ConsentState s) {
    return s.withdrawal() == null ? NEVER : s.withdrawal().time();
  }

  /** The classification the tally counts, for one consent (readers use it for single ones). */
  static boolean activeAt(ConsentState s, long at) {
    return !s.erased() && s.validFrom() <= at && at < Math.min(until(s), withdrawal(s));
  }

  /** Adds {@code sign} times one consent's events into {@code out}, by time. */
  static void events(Map<Long, long[]> out, long from, long until, long withdrawn, int sign) {
    long end = Math.min(until, withdrawn);
    if (from < end) {
      delta(out, from, ACTIVE, sign);
      delta(out, end, ACTIVE, -sign);
    }
    if (until < withdrawn) {
      delta(out, until, EXPIRED, sign);
      delta(out, withdrawn, EXPIRED, -sign);
    }
    delta(out, withdrawn, WITHDRAWN, sign);
  }

  private static void delta(Map<Long, long[]> out, long time, int kind, int sign) {
    if (time != NEVER) {
      out.computeIfAbsent(time, t -> new long[TimeTally.KINDS])[kind] += sign;
    }
  }
}

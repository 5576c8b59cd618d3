package io.assent.node.consent;

import io.assent.node.store.Bytes;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The per-dataset tally changes ({@link DatasetTally}) of one commit group of the {@link
 * GroupCommitter}, summed in memory and written once per key just before the group commits.
 *
 * <p>Why: the grants of a group mostly share their tally keys (their purpose group's totals, the
 * coarse levels of its {@link TimeTally}, often the same second). Written grant by grant, the
 * tallies cost about eleven reads and writes per grant on the single commit thread, which the
 * ingest benchmark measured as a quarter more CPU per grant; summed, a group of hundreds of grants
 * writes a few dozen keys.
 *
 * <p>Used on the commit thread only. {@link #writeTo} empties the batch whether or not the group
 * then commits, so a failed group leaves nothing behind for the next one.
 */
final class TallyBatch {
  /** Per time-tally prefix: the deltas by time. */
  private final Map<ByteBuffer, Map<Long, long[]>> events = new HashMap<>();

  /** Per purpose-group totals key: the change of live consents, and the group's purposes. */
  private final Map<ByteBuffer, Live> totals = new HashMap<>();

  /** Per dataset erased-count key: erasures to add. */
  private final Map<ByteBuffer, Long> erasures = new HashMap<>();

  private static final class Live {
    long delta;
    final List<String> purposes;

    Live(Collection<String> purposes) {
      this.purposes = List.copyOf(new TreeSet<>(purposes));
    }
  }

  /** Adds one consent's events ({@link DatasetTally#events}) under a time-tally prefix. */
  void events(byte[] prefix, Map<Long, long[]> deltas) {
    Map<Long, long[]> byTime =
        events.computeIfAbsent(ByteBuffer.wrap(prefix), p -> new TreeMap<>());
    deltas.forEach(
        (time, delta) -> {
          long[] sum = byTime.computeIfAbsent(time, t -> new long[TimeTally.KINDS]);
          for (int i = 0; i < sum.length; i++) {
            sum[i] += delta[i];
          }
        });
  }

  /** Changes a purpose group's count of held consents by {@code delta}. */
  void live(byte[] groupKey, Collection<String> purposes, long delta) {
    totals.computeIfAbsent(ByteBuffer.wrap(groupKey), k -> new Live(purposes)).delta += delta;
  }

  /** Counts one erasure under a dataset's erased-count key. */
  void erased(byte[] erasedKey) {
    erasures.merge(ByteBuffer.wrap(erasedKey), 1L, Long::sum);
  }

  /** Adds every sum to what {@code tx} holds, and empties the batch. */
  void writeTo(Transaction tx) {
    try {
      events.forEach((prefix, byTime) -> TimeTally.addAll(tx, array(prefix), byTime));
      totals.forEach((key, live) -> writeTotals(tx, array(key), live));
      erasures.forEach(
          (key, count) -> {
            byte[] k = array(key);
            long before = tx.get(Segment.CONSENT_INDEX, k).map(b -> Bytes.toLong(b, 0)).orElse(0L);
            tx.put(Segment.CONSENT_INDEX, k, Bytes.longBytes(before + count));
          });
    } finally {
      clear();
    }
  }

  void clear() {
    events.clear();
    totals.clear();
    erasures.clear();
  }

  private static void writeTotals(Transaction tx, byte[] key, Live live) {
    if (live.delta == 0) {
      return;
    }
    GroupTotals totals =
        tx.get(Segment.CONSENT_INDEX, key)
            .map(GroupTotals::decode)
            .orElseGet(() -> new GroupTotals(0, new ArrayList<>(live.purposes)))
            .plus(live.delta);
    if (totals.live() == 0) {
      tx.delete(Segment.CONSENT_INDEX, key);
    } else {
      tx.put(Segment.CONSENT_INDEX, key, totals.encode());
    }
  }

  private static byte[] array(ByteBuffer buffer) {
    return buffer.array();
  }
}

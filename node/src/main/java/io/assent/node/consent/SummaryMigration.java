package io.assent.node.consent;

import io.assent.node.store.KeyValue;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Upgrades of the per-dataset summary's layout ({@link DatasetTallyKeys}) in databases written by
 * older nodes; the node runs them at start, before it takes requests or anchors.
 */
public final class SummaryMigration {
  /** Schema 1's withdrawals of unanchored consents, which only its pending count read. */
  private static final byte OLD_WITHDRAWN_UNANCHORED = 'V';

  private SummaryMigration() {}

  /**
   * Schema 1 to 2: the anchored tally ({@code A}) is the time tally ({@code T}) less the events of
   * the consents with an unanchored entry ({@code U}, whose values it empties); the old {@code V}
   * entries go. Reads every time-tally key (a few per second of history with consents, not one per
   * consent) and the unanchored entries (the batches not anchored yet).
   */
  public static void anchoredTally(Transaction tx) {
    for (byte[] key : keys(tx, new byte[] {OLD_WITHDRAWN_UNANCHORED})) {
      tx.delete(Segment.CONSENT_INDEX, key);
    }
    try (Stream<KeyValue> times = tx.stream(Segment.CONSENT_INDEX, DatasetTallyKeys.allTimes())) {
      for (KeyValue kv : times.toList()) {
        tx.put(Segment.CONSENT_INDEX, DatasetTallyKeys.anchoredOf(kv.key()), kv.value());
      }
    }
    TallyBatch unanchored = new TallyBatch();
    for (byte[] key : keys(tx, DatasetTallyKeys.unanchoredEntries())) {
      byte[] id = DatasetTallyKeys.tail(key, 32);
      Optional<ConsentState> held =
          tx.get(Segment.CONSENT_STATE, id).map(ConsentState::decode).filter(s -> !s.erased());
      if (held.isEmpty()) {
        tx.delete(Segment.CONSENT_INDEX, key);
        continue;
      }
      ConsentState s = held.get();
      byte[] dataset = Arrays.copyOfRange(key, 1, key.length - 32);
      unanchored.events(
          DatasetTallyKeys.anchored(dataset, DatasetTallyKeys.group(s.purposes())),
          DatasetTally.events(s, -1));
      tx.put(Segment.CONSENT_INDEX, key, new byte[0]);
    }
    unanchored.writeTo(tx);
  }

  private static List<byte[]> keys(Transaction tx, byte[] prefix) {
    List<byte[]> keys = new ArrayList<>();
    try (Stream<KeyValue> entries = tx.stream(Segment.CONSENT_INDEX, prefix)) {
      entries.forEach(kv -> keys.add(kv.key()));
    }
    return keys;
  }
}

package io.assent.node.consent;

import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
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

  /** Time-tally keys copied per transaction by {@link #anchoredTally}. */
  static final int COPY_CHUNK = 10_000;

  /**
   * Schema 1 to 2: the anchored tally ({@code A}) is the time tally ({@code T}) less the events of
   * the consents with an unanchored entry ({@code U}).
   *
   * <p>First {@code T} is copied to {@code A} in transactions of {@link #COPY_CHUNK} keys (a tally
   * has up to one key per second with an event, so millions for a large dataset; copying again
   * after a crash is harmless). Then {@code last} subtracts the unanchored consents' events (the
   * batches not anchored yet: few), empties the unanchored entries' values, and deletes the old
   * {@code V} entries.
   */
  public static void anchoredTally(KeyValueStore store, Transaction last) {
    anchoredTally(store, last, COPY_CHUNK);
  }

  /**
   * {@link #anchoredTally(KeyValueStore, Transaction)} copying {@code chunk} keys per transaction.
   */
  static void anchoredTally(KeyValueStore store, Transaction last, int chunk) {
    copyTimesToAnchored(store, chunk);
    for (byte[] key : keys(last, new byte[] {OLD_WITHDRAWN_UNANCHORED})) {
      last.delete(Segment.CONSENT_INDEX, key);
    }
    TallyBatch unanchored = new TallyBatch();
    for (byte[] key : keys(last, DatasetTallyKeys.unanchoredEntries())) {
      byte[] id = DatasetTallyKeys.tail(key, 32);
      Optional<ConsentState> held =
          last.get(Segment.CONSENT_STATE, id).map(ConsentState::decode).filter(s -> !s.erased());
      if (held.isEmpty()) {
        last.delete(Segment.CONSENT_INDEX, key);
        continue;
      }
      ConsentState s = held.get();
      byte[] dataset = Arrays.copyOfRange(key, 1, key.length - 32);
      unanchored.events(
          DatasetTallyKeys.anchored(dataset, DatasetTallyKeys.group(s.purposes())),
          DatasetTally.events(s, -1));
      last.put(Segment.CONSENT_INDEX, key, new byte[0]);
    }
    unanchored.writeTo(last);
  }

  /**
   * Schema 2 to 3: deletes the unanchored entries ({@code U}), in transactions of {@link
   * #COPY_CHUNK} keys (deleting again after a crash is harmless). A held consent had one exactly
   * when its leaf had no proof, which is what the summary now reads; there are few (the batches not
   * anchored yet), unless an older node has yet to anchor a backlog.
   */
  public static void dropUnanchoredEntries(KeyValueStore store, Transaction last) {
    dropUnanchoredEntries(store, last, COPY_CHUNK);
  }

  static void dropUnanchoredEntries(KeyValueStore store, Transaction last, int chunk) {
    // 'U' ‖ dataset(32) ‖ id(32)
    ChunkedRewrite.replaceAll(
        store, DatasetTallyKeys.unanchoredEntries(), 65, chunk, (tx, entry) -> {});
  }

  private static void copyTimesToAnchored(KeyValueStore store, int chunk) {
    Transaction tx = store.startTransaction();
    try (Stream<KeyValue> times =
        store.stream(Segment.CONSENT_INDEX, DatasetTallyKeys.allTimes())) {
      int inTx = 0;
      for (KeyValue kv : (Iterable<KeyValue>) times::iterator) {
        tx.put(Segment.CONSENT_INDEX, DatasetTallyKeys.anchoredOf(kv.key()), kv.value());
        if (++inTx == chunk) {
          tx.commit();
          tx = store.startTransaction();
          inTx = 0;
        }
      }
      tx.commit();
    } finally {
      tx.close();
    }
  }

  private static List<byte[]> keys(Transaction tx, byte[] prefix) {
    List<byte[]> keys = new ArrayList<>();
    try (Stream<KeyValue> entries = tx.stream(Segment.CONSENT_INDEX, prefix)) {
      entries.forEach(kv -> keys.add(kv.key()));
    }
    return keys;
  }
}

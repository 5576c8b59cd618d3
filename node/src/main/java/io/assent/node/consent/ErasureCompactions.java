package io.assent.node.consent;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compactions that erasures owe: an erasure deletes a record's key, the record and its indexes
 * at once, but their older versions stay in RocksDB's files (memtables, write-ahead log, SST files)
 * until the private segments are compacted. Compacting them takes time in proportion to the data
 * held (~4.6 s per erasure with 200,000 consents, `bin/bench check 200000`), so an erasure does not
 * wait for it: it records, in its own transaction, that a compaction is owed, and {@link
 * #compactIfOwed} (run every few seconds, and at start-up, by the node) does one compaction for all
 * the erasures owed so far, then forgets them. A node stopped in between finds them on start.
 *
 * <p>Layout: {@code CONSENT_QUEUE['E' ‖ erasure time (ms, 8 bytes) ‖ 8 random bytes] = ∅}. The
 * entry names no consent and no subject.
 */
public final class ErasureCompactions {
  private static final byte[] OWED = {'E'};
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyValueStore store;

  public ErasureCompactions(KeyValueStore store) {
    this.store = store;
  }

  /** Records, in an erasure's transaction, that a compaction is owed to it. */
  static void owe(Transaction tx, long nowMillis) {
    byte[] unique = new byte[8];
    RANDOM.nextBytes(unique);
    tx.put(
        Segment.CONSENT_QUEUE, Bytes.concat(OWED, Bytes.longBytes(nowMillis), unique), new byte[0]);
  }

  /** How many erasures wait for their compaction. */
  public int owed() {
    return owedKeys().size();
  }

  /**
   * Compacts the private segments if any erasure waits for it, and then forgets the erasures it
   * served: those recorded before the compaction began (one recorded meanwhile waits for the next).
   *
   * @return how many erasures this compaction served
   */
  public int compactIfOwed() {
    List<byte[]> owed = owedKeys();
    if (owed.isEmpty()) {
      return 0;
    }
    RecordVault.compactPrivateSegments(store);
    try (Transaction tx = store.startTransaction()) {
      owed.forEach(key -> tx.delete(Segment.CONSENT_QUEUE, key));
      tx.commit();
    }
    return owed.size();
  }

  private List<byte[]> owedKeys() {
    try (Stream<KeyValue> entries = store.stream(Segment.CONSENT_QUEUE, OWED)) {
      return entries.map(KeyValue::key).toList();
    }
  }
}

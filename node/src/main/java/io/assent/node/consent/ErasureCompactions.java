package io.assent.node.consent;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The compactions that erasures owe: an erasure deletes a record's key, the record and its indexes
 * at once, but their older versions stay in RocksDB's files (memtables, write-ahead log, SST files)
 * until those keys are compacted. That takes time (a compaction of the whole private segments took
 * ~4.6 s with 200,000 consents, `bin/bench check 200000`), so an erasure does not wait for it: it
 * records, in its own transaction, that a compaction is owed, and {@link #compactIfOwed} (run every
 * few seconds, and at start-up, by the node) does one compaction for all the erasures owed so far,
 * then forgets them. A node stopped in between finds them on start.
 *
 * <p>The compaction is narrowed to the keys the erasures deleted or overwrote in the private
 * segments ({@link KeyValueStore#compactKeys}), so that it costs in proportion to the files holding
 * them rather than to all the data held. Those keys are known only in memory: one of them, the
 * subject index's, holds the subject's address, and nothing live in the store may name the subject
 * once the erasure has answered. An erasure this instance did not see (made before the node
 * restarted) is served by compacting the private segments whole.
 *
 * <p>Layout: {@code CONSENT_QUEUE['E' ‖ erasure time (ms, 8 bytes) ‖ 8 random bytes] = ∅}. The
 * entry names no consent and no subject.
 */
public final class ErasureCompactions {
  private static final byte[] OWED = {'E'};
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyValueStore store;

  /**
   * The keys each owed entry's erasure wrote, by entry key. An entry whose transaction then failed
   * stays here unserved (a few hundred bytes, until the node stops).
   */
  private final Map<ByteBuffer, Map<Segment, List<byte[]>>> keysByEntry = new ConcurrentHashMap<>();

  public ErasureCompactions(KeyValueStore store) {
    this.store = store;
  }

  /**
   * What one call of {@link #compactIfOwed} did.
   *
   * @param erasures how many erasures it served
   * @param compactions how many compactions it ran (of key ranges, or of whole segments)
   * @param whole whether it compacted the private segments whole, for an erasure it had not seen
   */
  public record Served(int erasures, int compactions, boolean whole) {
    static final Served NOTHING = new Served(0, 0, false);
  }

  /**
   * Records, in an erasure's transaction, that the compaction of {@code keys} (those the erasure
   * wrote in the private segments) is owed to it.
   */
  void owe(Transaction tx, long nowMillis, Map<Segment, List<byte[]>> keys) {
    byte[] unique = new byte[8];
    RANDOM.nextBytes(unique);
    byte[] entry = Bytes.concat(OWED, Bytes.longBytes(nowMillis), unique);
    keysByEntry.put(ByteBuffer.wrap(entry), keys);
    tx.put(Segment.CONSENT_QUEUE, entry, new byte[0]);
  }

  /** How many erasures wait for their compaction. */
  public int owed() {
    return owedEntries().size();
  }

  /**
   * Compacts what the owed erasures wrote, if any erasure waits, and then forgets the erasures it
   * served: those recorded before the compaction began (one recorded meanwhile waits for the next).
   */
  public Served compactIfOwed() {
    List<byte[]> owed = owedEntries();
    if (owed.isEmpty()) {
      return Served.NOTHING;
    }
    Map<Segment, List<byte[]>> keys = new EnumMap<>(Segment.class);
    boolean whole = false;
    for (byte[] entry : owed) {
      Map<Segment, List<byte[]>> written = keysByEntry.get(ByteBuffer.wrap(entry));
      if (written == null) {
        whole = true;
      } else {
        written.forEach(
            (segment, k) -> keys.computeIfAbsent(segment, s -> new ArrayList<>()).addAll(k));
      }
    }
    int compactions;
    if (whole) {
      RecordVault.compactPrivateSegments(store);
      compactions = RecordVault.PRIVATE_SEGMENTS.length;
    } else {
      compactions = store.compactKeys(keys);
    }
    try (Transaction tx = store.startTransaction()) {
      owed.forEach(entry -> tx.delete(Segment.CONSENT_QUEUE, entry));
      tx.commit();
    }
    owed.forEach(entry -> keysByEntry.remove(ByteBuffer.wrap(entry)));
    return new Served(owed.size(), compactions, whole);
  }

  private List<byte[]> owedEntries() {
    try (Stream<KeyValue> entries = store.stream(Segment.CONSENT_QUEUE, OWED)) {
      return entries.map(KeyValue::key).toList();
    }
  }
}

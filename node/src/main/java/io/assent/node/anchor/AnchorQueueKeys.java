package io.assent.node.anchor;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Arrays;
import java.util.stream.Stream;
import org.web3j.utils.Numeric;

/**
 * Keys of {@code CONSENT_QUEUE}: {@code 'L' ‖ seq} → leaf (grants waiting to be anchored, in
 * acceptance order), {@code 'W' ‖ seq} → consent id (withdrawals waiting), {@code 'B' ‖ batchSeq} →
 * an anchorer {@link Batch} being sent or sent; once confirmed, {@code 'C' ‖ batchSeq} → its root ‖
 * the hash of the block it was confirmed in (just the root when an earlier version confirmed it)
 * and {@code 'D' ‖ batchSeq} → the whole batch, until pruned. Sequences are 8 bytes big-endian, so
 * keys sort in order; the counters {@code '#L'}, {@code '#W'}, {@code '#B'} hold the next sequence
 * (absent = 0).
 *
 * <p>Confirmed batches are kept apart because they are many (every batch of the last {@link
 * AnchorerConfig#pruneAfterBlocks} blocks) and rarely looked at: each round reads the batches in
 * flight, and only the roots of confirmed ones, only now and then (see {@link Anchorer}).
 */
public final class AnchorQueueKeys {
  static final byte[] LEAVES = {'L'};
  static final byte[] WITHDRAWALS = {'W'};
  static final byte[] BATCHES = {'B'};
  static final byte[] CONFIRMED_ROOTS = {'C'};
  private static final byte[] CONFIRMED_BATCHES = {'D'};
  private static final byte[] NEXT_LEAF = {'#', 'L'};
  private static final byte[] NEXT_WITHDRAWAL = {'#', 'W'};
  private static final byte[] NEXT_BATCH = {'#', 'B'};

  private AnchorQueueKeys() {}

  /**
   * Queues a grant's leaf inside the caller's transaction (with the record it belongs to). Callers
   * must not run two of these concurrently: the counter is read, then written.
   */
  public static void enqueueLeaf(Transaction tx, byte[] leaf) {
    requireBytes32(leaf);
    tx.put(Segment.CONSENT_QUEUE, Bytes.concat(LEAVES, Bytes.longBytes(next(tx, NEXT_LEAF))), leaf);
  }

  /**
   * Queues the leaves of one writer's transactions, such as a commit group's, reading the counter
   * once per transaction and writing it once, in {@link #finish}, instead of once per leaf. A
   * transaction it has not seen starts from the stored counter, so one that failed leaves nothing
   * behind. The only writer of leaves (not thread-safe: the commit thread's).
   */
  public static final class LeafAppender {
    private Transaction current;
    private long next;

    /**
     * As {@link #enqueueLeaf}; the counter waits for {@link #finish}.
     *
     * @return the leaf's sequence in the queue: its consent's slot ({@link ProofPlace})
     */
    public long append(Transaction tx, byte[] leaf) {
      requireBytes32(leaf);
      if (tx != current) {
        current = tx;
        next = tx.get(Segment.CONSENT_QUEUE, NEXT_LEAF).map(b -> Bytes.toLong(b, 0)).orElse(0L);
      }
      long seq = next++;
      tx.put(Segment.CONSENT_QUEUE, Bytes.concat(LEAVES, Bytes.longBytes(seq)), leaf);
      return seq;
    }

    /** Writes the counter of what {@code tx} appended, before it commits. */
    public void finish(Transaction tx) {
      if (tx == current) {
        tx.put(Segment.CONSENT_QUEUE, NEXT_LEAF, Bytes.longBytes(next));
        current = null;
      }
    }
  }

  /** Queues a withdrawn consent id; same contract as {@link #enqueueLeaf}. */
  public static void enqueueWithdrawal(Transaction tx, byte[] consentId) {
    requireBytes32(consentId);
    tx.put(
        Segment.CONSENT_QUEUE,
        Bytes.concat(WITHDRAWALS, Bytes.longBytes(next(tx, NEXT_WITHDRAWAL))),
        consentId);
  }

  /** How many batches the queue holds: being sent, sent, or confirmed and not yet pruned. */
  public static long batches(KeyValueReader reader) {
    return count(reader, BATCHES) + count(reader, CONFIRMED_ROOTS);
  }

  private static long count(KeyValueReader reader, byte[] prefix) {
    try (Stream<KeyValue> entries = reader.stream(Segment.CONSENT_QUEUE, prefix)) {
      return entries.filter(kv -> kv.key().length == prefix.length + Long.BYTES).count();
    }
  }

  static byte[] batch(long seq) {
    return Bytes.concat(BATCHES, Bytes.longBytes(seq));
  }

  static byte[] confirmedRoot(long seq) {
    return Bytes.concat(CONFIRMED_ROOTS, Bytes.longBytes(seq));
  }

  static byte[] confirmedBatch(long seq) {
    return Bytes.concat(CONFIRMED_BATCHES, Bytes.longBytes(seq));
  }

  /** The value of a confirmed root's entry; {@code blockHash} null when not known. */
  static byte[] confirmedRootValue(byte[] root, String blockHash) {
    return blockHash == null ? root : Bytes.concat(root, Numeric.hexStringToByteArray(blockHash));
  }

  static byte[] confirmedRootOf(byte[] value) {
    return Arrays.copyOf(value, 32);
  }

  /** Whether the entry says its batch was confirmed in a block other than {@code blockHash}. */
  static boolean confirmedElsewhere(byte[] value, String blockHash) {
    return value.length == 64
        && !Arrays.equals(value, 32, 64, Numeric.hexStringToByteArray(blockHash), 0, 32);
  }

  static long batchSeq(byte[] key) {
    return Bytes.toLong(key, 1);
  }

  static long nextBatch(Transaction tx) {
    return next(tx, NEXT_BATCH);
  }

  /** Reads the counter and stores it incremented; returns the value read. */
  private static long next(Transaction tx, byte[] counter) {
    long seq =
        tx.get(Segment.CONSENT_QUEUE, counter).map(bytes -> Bytes.toLong(bytes, 0)).orElse(0L);
    tx.put(Segment.CONSENT_QUEUE, counter, Bytes.longBytes(seq + 1));
    return seq;
  }

  static void requireBytes32(byte[] value) {
    if (value == null || value.length != 32) {
      throw new IllegalArgumentException("expected 32 bytes");
    }
  }
}

package io.assent.node.chain;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.web3j.utils.Numeric;

/**
 * Hashes of applied blocks (segment CHAIN_BLOCKS): every range end and every block with logs, each
 * with the index digest after it, so a reorg can find the highest block still on the chain and
 * return the cursor there. Key: block number (8, big-endian). Value: hash (32) ‖ digest (32).
 *
 * <p>Entries older than the retention window are pruned with their undo records. The highest pruned
 * block is kept (segment CHAIN_CURSOR, key {@code "pruned-through"}): once anything is pruned, a
 * reorg that no stored block survives can no longer be undone.
 */
final class RecentBlocks {

  private static final byte[] PRUNED_THROUGH = "pruned-through".getBytes(StandardCharsets.UTF_8);

  /** A stored block: the cursor to return to if it is the common ancestor. */
  record Entry(long number, String hash, String digest) {
    SyncCursor asCursor() {
      return new SyncCursor(number, hash, digest);
    }
  }

  void put(Transaction tx, long number, String hash, byte[] digest) {
    byte[] value = ByteBuffer.allocate(64).put(Hex.bytes32(hash)).put(digest).array();
    tx.put(Segment.CHAIN_BLOCKS, Bytes.longBytes(number), value);
  }

  /** Stored blocks, newest first. Close the stream. */
  Stream<Entry> newestFirst(KeyValueReader reader) {
    return reader.streamReverse(Segment.CHAIN_BLOCKS, new byte[0]).map(RecentBlocks::decode);
  }

  /** Deletes the entries above {@code number} (rolled back). */
  void deleteAbove(Transaction tx, long number) {
    List<byte[]> keys;
    try (Stream<KeyValue> newest = tx.streamReverse(Segment.CHAIN_BLOCKS, new byte[0])) {
      keys = newest.map(KeyValue::key).takeWhile(k -> Bytes.toLong(k, 0) > number).toList();
    }
    keys.forEach(key -> tx.delete(Segment.CHAIN_BLOCKS, key));
  }

  /**
   * Deletes the entries below {@code number} but the newest of them, and their undo records. The
   * one kept is the ancestor of any reorg that reaches {@code number}.
   */
  void pruneBelow(Transaction tx, long number, UndoLog undoLog) {
    List<Long> below;
    try (Stream<KeyValue> oldest = tx.stream(Segment.CHAIN_BLOCKS, new byte[0])) {
      below = oldest.map(kv -> Bytes.toLong(kv.key(), 0)).takeWhile(n -> n < number).toList();
    }
    List<Long> pruned = below.isEmpty() ? below : below.subList(0, below.size() - 1);
    for (long block : pruned) {
      tx.delete(Segment.CHAIN_BLOCKS, Bytes.longBytes(block));
      undoLog.prune(tx, block);
    }
    if (!pruned.isEmpty()) {
      tx.put(Segment.CHAIN_CURSOR, PRUNED_THROUGH, Bytes.longBytes(pruned.getLast()));
    }
  }

  /** Whether any history was pruned, i.e. rolling back to before the start block is impossible. */
  boolean anyPruned(KeyValueReader reader) {
    return reader.get(Segment.CHAIN_CURSOR, PRUNED_THROUGH).isPresent();
  }

  private static Entry decode(KeyValue kv) {
    byte[] value = kv.value();
    return new Entry(
        Bytes.toLong(kv.key(), 0),
        Numeric.toHexString(value, 0, 32, true),
        Numeric.toHexString(value, 32, 32, true));
  }
}

package io.assent.node.chain;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Undo records (segment CHAIN_UNDO): for each key a log handler wrote in a block, the value it had
 * before that block. Key: block number (8) ‖ sequence in the block (4), big-endian, so the records
 * of the newest blocks come last. Value: format 1 ‖ segment id (1) ‖ key length (4) ‖ key ‖ present
 * (1) ‖ previous value (when present).
 */
final class UndoLog {

  private static final byte FORMAT = 1;

  /** Records that {@code key} in {@code segment} held {@code previous} before {@code block}. */
  void record(
      Transaction tx,
      long block,
      int sequence,
      Segment segment,
      byte[] key,
      Optional<byte[]> previous) {
    byte[] value = previous.orElse(new byte[0]);
    byte[] record =
        ByteBuffer.allocate(1 + 1 + 4 + key.length + 1 + value.length)
            .put(FORMAT)
            .put(segment.id())
            .putInt(key.length)
            .put(key)
            .put((byte) (previous.isPresent() ? 1 : 0))
            .put(value)
            .array();
    tx.put(
        Segment.CHAIN_UNDO, Bytes.concat(Bytes.longBytes(block), Bytes.intBytes(sequence)), record);
  }

  /**
   * Restores every key written above {@code block} to its value before, newest write first, and
   * deletes those records. Returns how many writes it undid.
   */
  int rollBackAbove(Transaction tx, long block) {
    List<KeyValue> records;
    try (Stream<KeyValue> newestFirst = tx.streamReverse(Segment.CHAIN_UNDO, new byte[0])) {
      // Collected first: a write batch must not change under its own iterator.
      records = newestFirst.takeWhile(kv -> Bytes.toLong(kv.key(), 0) > block).toList();
    }
    for (KeyValue kv : records) {
      restore(tx, kv.value());
      tx.delete(Segment.CHAIN_UNDO, kv.key());
    }
    return records.size();
  }

  /** Deletes the undo records of one block (it left the retention window). */
  void prune(Transaction tx, long block) {
    List<byte[]> keys;
    try (Stream<KeyValue> records = tx.stream(Segment.CHAIN_UNDO, Bytes.longBytes(block))) {
      keys = records.map(KeyValue::key).toList();
    }
    keys.forEach(key -> tx.delete(Segment.CHAIN_UNDO, key));
  }

  private static void restore(Transaction tx, byte[] record) {
    ByteBuffer buffer = ByteBuffer.wrap(record);
    if (buffer.get() != FORMAT) {
      throw new IllegalStateException("unknown undo record format " + record[0]);
    }
    Segment segment = Segment.fromId(buffer.get());
    byte[] key = new byte[buffer.getInt()];
    buffer.get(key);
    boolean present = buffer.get() == 1;
    if (present) {
      byte[] value = new byte[buffer.remaining()];
      buffer.get(value);
      tx.put(segment, key, value);
    } else {
      tx.delete(segment, key);
    }
  }
}

package io.assent.node.chain;

import io.assent.node.store.Column;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import io.assent.node.store.Serializer;
import io.assent.node.store.Transaction;
import java.util.Optional;

/**
 * Where the index stands: the last applied block, its hash, and the index digest after it. Stored
 * in the same commit as the writes it accounts for, so it can never run ahead of or behind them.
 *
 * @param blockHash 0x-hex; null for the initial cursor (nothing applied yet)
 * @param indexDigest 0x-hex, 32 bytes
 */
public record SyncCursor(long blockNumber, String blockHash, String indexDigest) {

  private static final Column<String, SyncCursor> COLUMN =
      new Column<>(Segment.CHAIN_CURSOR, Serializer.UTF8, new SyncCursorCodec());
  private static final String KEY = "cursor";

  /** The cursor before anything is applied: just below the start block, digest zero. */
  public static SyncCursor initial(long startBlock) {
    return new SyncCursor(startBlock - 1, null, IndexDigest.INITIAL_HEX);
  }

  public boolean isInitial() {
    return blockHash == null;
  }

  /** The stored cursor, or the initial one for {@code startBlock} if none is stored. */
  static SyncCursor load(KeyValueReader reader, long startBlock) {
    return COLUMN.get(reader, KEY).orElseGet(() -> initial(startBlock));
  }

  /** The stored cursor; empty before the first applied block (or after a rebuild). */
  static Optional<SyncCursor> stored(KeyValueReader reader) {
    return COLUMN.get(reader, KEY);
  }

  /** Stores this cursor; the initial cursor is stored as no cursor at all. */
  void save(Transaction tx) {
    if (isInitial()) {
      COLUMN.delete(tx, KEY);
    } else {
      COLUMN.put(tx, KEY, this);
    }
  }
}

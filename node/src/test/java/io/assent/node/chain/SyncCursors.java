package io.assent.node.chain;

import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;

/** For tests of other packages: where the follower's cursor stands. */
public final class SyncCursors {
  private SyncCursors() {}

  /** Stores a cursor at {@code block}, as the follower does after applying it. */
  public static void store(KeyValueStore store, long block) {
    try (Transaction tx = store.startTransaction()) {
      new SyncCursor(block, "0x" + "ab".repeat(32), IndexDigest.INITIAL_HEX).save(tx);
      tx.commit();
    }
  }
}

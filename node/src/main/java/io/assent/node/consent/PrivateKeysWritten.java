package io.assent.node.consent;

import io.assent.node.store.BorrowedTransaction;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction seen through a recorder of the keys put or deleted in the private segments ({@link
 * RecordVault#PRIVATE_SEGMENTS}): what an erasure wrote over, so that the compaction it is owed can
 * be narrowed to those keys ({@link ErasureCompactions}). Reads and writes go to the wrapped
 * transaction; committing and rolling back stay with its owner.
 */
final class PrivateKeysWritten extends BorrowedTransaction {
  private final Map<Segment, List<byte[]>> keys = new EnumMap<>(Segment.class);

  PrivateKeysWritten(Transaction tx) {
    super(tx, "the commit group");
  }

  /** The keys written so far, by segment. */
  Map<Segment, List<byte[]>> keys() {
    return keys;
  }

  /** Notes a key written otherwise than through this transaction, in the same commit. */
  void written(Segment segment, byte[] key) {
    note(segment, key);
  }

  @Override
  protected void beforeWrite(Segment segment, byte[] key) {
    note(segment, key);
  }

  private void note(Segment segment, byte[] key) {
    if (RecordVault.isPrivate(segment)) {
      keys.computeIfAbsent(segment, s -> new ArrayList<>()).add(key.clone());
    }
  }
}

package io.assent.node.chain;

import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rolls the index back to the common ancestor after a reorg: walks the stored block hashes from the
 * newest down to the first one still on the chain, then, in one transaction, undoes every write
 * above it, forgets the blocks above it, and restores the cursor and digest stored with it.
 */
final class ReorgRollback {

  private static final int HEADERS_PER_CALL = 32;

  private final KeyValueStore store;
  private final ChainSource source;
  private final UndoLog undoLog;
  private final RecentBlocks recentBlocks;
  private final long startBlock;

  ReorgRollback(
      KeyValueStore store,
      ChainSource source,
      UndoLog undoLog,
      RecentBlocks recentBlocks,
      long startBlock) {
    this.store = store;
    this.source = source;
    this.undoLog = undoLog;
    this.recentBlocks = recentBlocks;
    this.startBlock = startBlock;
  }

  /** Rolls back from {@code current}, which is no longer on the chain. */
  SyncStep.RolledBack rollBack(SyncCursor current) throws IOException {
    SyncCursor ancestor = commonAncestor().orElseGet(this::initialOrFail);
    int undone;
    try (Transaction tx = store.startTransaction()) {
      undone = undoLog.rollBackAbove(tx, ancestor.blockNumber());
      recentBlocks.deleteAbove(tx, ancestor.blockNumber());
      ancestor.save(tx);
      tx.commit();
    }
    return new SyncStep.RolledBack(current.blockNumber(), ancestor.blockNumber(), undone);
  }

  private Optional<SyncCursor> commonAncestor() throws IOException {
    try (Stream<RecentBlocks.Entry> stored = recentBlocks.newestFirst(store)) {
      Iterator<RecentBlocks.Entry> newestFirst = stored.iterator();
      while (newestFirst.hasNext()) {
        List<RecentBlocks.Entry> chunk = new ArrayList<>(HEADERS_PER_CALL);
        while (newestFirst.hasNext() && chunk.size() < HEADERS_PER_CALL) {
          chunk.add(newestFirst.next());
        }
        Map<Long, BlockHeader> onChain =
            source.headers(chunk.stream().map(RecentBlocks.Entry::number).toList());
        for (RecentBlocks.Entry entry : chunk) {
          BlockHeader header = onChain.get(entry.number());
          if (header != null && header.hash().equals(entry.hash())) {
            return Optional.of(entry.asCursor());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * No stored block is on the chain: if nothing was ever pruned, everything applied was replaced,
   * and the index returns to its initial state; otherwise the reorg is deeper than the history
   * kept, and cannot be undone.
   */
  private SyncCursor initialOrFail() {
    if (recentBlocks.anyPruned(store)) {
      throw new DeepReorgException(
          "reorg deeper than the retention window: none of the block hashes kept is on the chain"
              + " any more, so the index cannot be rolled back; rebuild it (stop the node, move"
              + " its data directory away, and sync again)");
    }
    return SyncCursor.initial(startBlock);
  }
}

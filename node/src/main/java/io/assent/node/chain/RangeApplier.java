package io.assent.node.chain;

import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.web3j.utils.Numeric;

/**
 * Applies a block range in ONE transaction: the handlers' writes, an undo record for each, the
 * hashes of the range end and of every block with logs, the new cursor with its digest, and the
 * pruning of history older than the retention window. A crash at any point leaves either all of it
 * or none of it.
 */
final class RangeApplier {

  private final KeyValueStore store;
  private final Map<String, List<LogHandler>> handlersByAddress = new HashMap<>();
  private final UndoLog undoLog;
  private final RecentBlocks recentBlocks;
  private final long retentionBlocks;

  RangeApplier(
      KeyValueStore store,
      List<LogHandler> handlers,
      UndoLog undoLog,
      RecentBlocks recentBlocks,
      long retentionBlocks) {
    this.store = store;
    this.undoLog = undoLog;
    this.recentBlocks = recentBlocks;
    this.retentionBlocks = retentionBlocks;
    for (LogHandler handler : handlers) {
      for (String address : handler.addresses()) {
        handlersByAddress
            .computeIfAbsent(address.toLowerCase(Locale.ROOT), a -> new ArrayList<>())
            .add(handler);
      }
    }
  }

  /** The addresses whose logs are read. */
  Set<String> addresses() {
    return Set.copyOf(handlersByAddress.keySet());
  }

  /** Applies {@code range}, which must start right after {@code parent}; returns the new cursor. */
  SyncCursor apply(SyncCursor parent, BlockRange range) {
    if (range.from() != parent.blockNumber() + 1) {
      throw new IllegalArgumentException(
          "range " + range.from() + ".." + range.to() + " does not follow " + parent);
    }
    try (Transaction tx = store.startTransaction()) {
      UndoRecordingTransaction recording = new UndoRecordingTransaction(tx, undoLog);
      byte[] digest = Numeric.hexStringToByteArray(parent.indexDigest());
      List<ChainLog> logs = range.logs();
      for (int i = 0; i < logs.size(); i++) {
        ChainLog log = logs.get(i);
        if (i == 0 || logs.get(i - 1).blockNumber() != log.blockNumber()) {
          recording.startBlock(log.blockNumber());
        }
        dispatch(log, recording);
        digest = IndexDigest.next(digest, log);
        if (i == logs.size() - 1 || logs.get(i + 1).blockNumber() != log.blockNumber()) {
          recentBlocks.put(tx, log.blockNumber(), log.blockHash(), digest);
        }
      }
      recentBlocks.put(tx, range.to(), range.endHash(), digest);
      SyncCursor cursor = new SyncCursor(range.to(), range.endHash(), Numeric.toHexString(digest));
      cursor.save(tx);
      // Reorgs deeper than the retention window are fatal (the follower halts; resync needed).
      recentBlocks.pruneBelow(tx, range.to() - retentionBlocks, undoLog);
      tx.commit();
      return cursor;
    }
  }

  private void dispatch(ChainLog log, UndoRecordingTransaction tx) {
    for (LogHandler handler : handlersByAddress.getOrDefault(log.address(), List.of())) {
      try {
        handler.apply(log, tx);
      } catch (RuntimeException e) {
        throw new LogHandlerException(handler, log, e);
      }
    }
  }
}

package io.assent.node.chain;

/** What one {@link ChainFollower#syncOnce()} did. */
public sealed interface SyncStep {

  /** Applied blocks {@code fromBlock..toBlock} (inclusive) and their logs in one commit. */
  record Applied(long fromBlock, long toBlock, int logs, long chainHead) implements SyncStep {}

  /**
   * A reorg: undid everything applied above {@code toBlock} (the highest stored block still on the
   * chain), in one commit; {@code toBlock} is start block - 1 when nothing applied survived.
   */
  record RolledBack(long fromBlock, long toBlock, int undoneWrites) implements SyncStep {}

  /** Nothing to apply: the synced block is at head - K already. */
  record UpToDate(long syncedBlock, long chainHead) implements SyncStep {}

  /** The chain changed while the range was read; nothing applied, try again. */
  record ChainMoved(String reason) implements SyncStep {}

  /** The step failed and changed nothing (JSON-RPC down or erroring, a handler failing). */
  record Failed(String error, boolean rpcReachable) implements SyncStep {}
}

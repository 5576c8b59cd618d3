package io.assent.node.chain;

/**
 * What the follower knows, for the status endpoint and health checks. Immutable; the follower
 * publishes a new one after every step.
 *
 * @param chainHead the head block number last seen, -1 before the first successful poll
 * @param syncedBlock the last applied block (start block - 1 before anything is applied)
 * @param syncedBlockHash its hash, 0x-hex; null before anything is applied
 * @param indexDigest the running digest of every applied log, 0x-hex (32 zero bytes initially); two
 *     nodes synced to the same block of the same chain have the same digest
 * @param rpcReachable whether the last call to the JSON-RPC endpoint got an answer
 * @param lastError the last step's error, null after a successful step
 * @param halted true once the follower stopped for good (a reorg deeper than its retention window):
 *     the index must be rebuilt
 */
public record SyncStatus(
    long chainHead,
    long syncedBlock,
    String syncedBlockHash,
    String indexDigest,
    boolean rpcReachable,
    String lastError,
    boolean halted) {

  /** Blocks between the synced block and the head (0 when unknown or caught up). */
  public long blocksBehind() {
    return chainHead < 0 ? 0 : Math.max(0, chainHead - syncedBlock);
  }
}

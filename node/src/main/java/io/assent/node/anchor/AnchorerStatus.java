package io.assent.node.anchor;

/**
 * What the anchorer knows, for {@code /health/ready} and {@code /v1/status}.
 *
 * @param enabled false when the node has no relayer key: nothing is anchored, consents stay pending
 * @param queuedLeaves leaves waiting for a batch
 * @param queuedWithdrawals withdrawals waiting for a batch
 * @param pendingBatches batches created but not yet confirmed
 * @param rpcReachable whether the last round's chain calls succeeded (false too when the endpoint
 *     refused a send, e.g. the relayer has no funds: {@code lastError} says which)
 * @param lastError the last round's error, null after a good round
 * @param waitsForIndexAt after a rebuild of the index ({@code assent-node reindex}), the block the
 *     re-synced index must reach before anchoring resumes; -1 when not waiting
 */
public record AnchorerStatus(
    boolean enabled,
    long queuedLeaves,
    long queuedWithdrawals,
    long pendingBatches,
    boolean rpcReachable,
    String lastError,
    long waitsForIndexAt) {

  public static final AnchorerStatus DISABLED = new AnchorerStatus(false, 0, 0, 0, true, null, -1);
}

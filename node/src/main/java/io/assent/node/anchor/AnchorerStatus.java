package io.assent.node.anchor;

/**
 * What the anchorer knows, for {@code /health/ready} and {@code /v1/status}.
 *
 * @param enabled false when the node has no relayer key: nothing is anchored, consents stay pending
 * @param queuedLeaves leaves waiting for a batch (counted up to the batch size + 1)
 * @param queuedWithdrawals withdrawals waiting for a batch (likewise)
 * @param pendingBatches batches created but not yet confirmed
 * @param rpcReachable whether the last chain call of the anchorer got an answer
 * @param lastError the last round's error, null after a good round
 */
public record AnchorerStatus(
    boolean enabled,
    long queuedLeaves,
    long queuedWithdrawals,
    long pendingBatches,
    boolean rpcReachable,
    String lastError) {

  public static final AnchorerStatus DISABLED = new AnchorerStatus(false, 0, 0, 0, true, null);
}

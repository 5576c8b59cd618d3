package io.assent.contracts.consent;

import java.util.Optional;

/**
 * An anchoring that did not happen (or is not known to have happened), with a stable {@link Reason}
 * the node's anchorer maps to retry decisions.
 */
public final class ConsentAnchorException extends RuntimeException {

  /** Why. Stable: callers branch on it. */
  public enum Reason {
    /**
     * The node refused the transaction (funds, nonce, fee) or the estimate failed. Nothing mined.
     */
    REJECTED,
    /** The transaction was mined and reverted (e.g. out of gas). */
    REVERTED,
    /** No receipt in time; the transaction may still be mined. */
    RECEIPT_TIMEOUT,
    /** The node could not be reached. */
    UNAVAILABLE,
    /** Deployment or a read failed. */
    CALL_FAILED
  }

  private final Reason reason;
  private final String transactionHash;

  ConsentAnchorException(Reason reason, String message, String transactionHash, Throwable cause) {
    super(
        transactionHash == null ? message : message + " (transaction " + transactionHash + ")",
        cause);
    this.reason = reason;
    this.transactionHash = transactionHash;
  }

  public Reason reason() {
    return reason;
  }

  /** The transaction, when one was sent. */
  public Optional<String> transactionHash() {
    return Optional.ofNullable(transactionHash);
  }
}

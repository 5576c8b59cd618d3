package io.assent.node.dataset;

/** Why the node refused to relay a dataset operation; nothing was sent unless REJECTED says so. */
public final class DatasetRelayException extends RuntimeException {

  /** Stable: the API maps each to a problem code. */
  public enum Reason {
    INVALID_REQUEST,
    INVALID_LICENSE,
    INVALID_SIGNATURE,
    STALE_NONCE,
    NOT_CURATOR_AGENT,
    UNKNOWN_PARENT,
    DATASET_EXISTS,
    DATASET_NOT_FOUND,
    DATASET_DEPRECATED,
    /** The chain refused the transaction for another reason. */
    REJECTED,
    CHAIN_UNAVAILABLE
  }

  private final Reason reason;

  public DatasetRelayException(Reason reason, String message) {
    this(reason, message, null);
  }

  public DatasetRelayException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

package io.assent.node.relay;

/** Why a relay request was refused. Nothing was sent to the chain when this is thrown. */
public final class RelayException extends RuntimeException {

  /** Stable reasons; the API maps each to a problem code. */
  public enum Reason {
    /** The signature recovers to no key. */
    INVALID_SIGNATURE,
    /** The signature recovers to someone other than the identity's current owner. */
    NOT_OWNER,
    /** The request named a nonce other than the owner's current registry nonce. */
    STALE_NONCE,
    /** The identity was deactivated: the registry refuses every change. */
    DEACTIVATED,
    /** The chain would revert the transaction, or refused it. */
    REJECTED,
    /** The chain's RPC is unreachable. */
    CHAIN_UNAVAILABLE
  }

  private final Reason reason;

  public RelayException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RelayException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

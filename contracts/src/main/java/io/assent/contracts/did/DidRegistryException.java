package io.assent.contracts.did;

import java.util.Optional;

/**
 * A DID registry operation that did not happen, with a stable {@link Reason} that callers (the
 * node's relay, the CLI) map to user errors. The message names the revert reason the registry gave,
 * e.g. {@code NotOwner(identity=0x.., actor=0x..)}.
 */
public final class DidRegistryException extends RuntimeException {

  /** Why the operation failed. Stable: callers map these to error codes. */
  public enum Reason {
    /** The registry reverted with {@code NotOwner}: sender or signer is not the current owner. */
    NOT_OWNER,
    /** The registry reverted with {@code BadSignature}: the signature recovers to no address. */
    BAD_SIGNATURE,
    /** The registry reverted for another reason, or one the node did not report. */
    REVERTED,
    /** The node refused the transaction (funds, nonce, gas, fee). Nothing was mined. */
    REJECTED,
    /** The receipt did not arrive in time; the transaction may still be mined later. */
    RECEIPT_TIMEOUT,
    /** A read failed: no registry at the address, or an undecodable answer. */
    CALL_FAILED,
    /** The node could not be reached. */
    UNAVAILABLE
  }

  private final Reason reason;
  private final String identity;
  private final String actor;
  private final String transactionHash;

  DidRegistryException(
      Reason reason,
      String message,
      String identity,
      String actor,
      String transactionHash,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.identity = identity;
    this.actor = actor;
    this.transactionHash = transactionHash;
  }

  DidRegistryException(Reason reason, String message, Throwable cause) {
    this(reason, message, null, null, null, cause);
  }

  public Reason reason() {
    return reason;
  }

  /** For {@link Reason#NOT_OWNER}: the identity written to (lower-case 0x-hex). */
  public Optional<String> identity() {
    return Optional.ofNullable(identity);
  }

  /** For {@link Reason#NOT_OWNER}: the sender or recovered signer that was refused. */
  public Optional<String> actor() {
    return Optional.ofNullable(actor);
  }

  /** The transaction, when one was sent (it was mined and reverted, or its receipt is late). */
  public Optional<String> transactionHash() {
    return Optional.ofNullable(transactionHash);
  }

  /** The same failure, now known to belong to {@code txHash}. */
  DidRegistryException withTransaction(String txHash) {
    return new DidRegistryException(
        reason,
        getMessage() + " (transaction " + txHash + ")",
        identity,
        actor,
        txHash,
        getCause());
  }
}

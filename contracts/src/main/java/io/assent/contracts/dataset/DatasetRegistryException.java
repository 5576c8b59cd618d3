package io.assent.contracts.dataset;

import java.util.List;
import java.util.Optional;

/**
 * A dataset registry operation that did not happen (or is not known to have happened). When the
 * registry reverted with one of its custom errors, {@link #errorName} is that error's name (e.g.
 * {@code "NotCuratorAgent"}, {@code "UnknownParent"}) and {@link #errorArgs} its arguments, which
 * the node and CLI map to problem codes.
 */
public final class DatasetRegistryException extends RuntimeException {

  /** Why. Stable: callers branch on it. */
  public enum Reason {
    /** The registry reverted (see {@link #errorName}); nothing changed. */
    REVERTED,
    /** The node refused the transaction (funds, nonce, gas, fee). Nothing was mined. */
    REJECTED,
    /** The receipt did not arrive in time; the transaction may still be mined later. */
    RECEIPT_TIMEOUT,
    /** A read or the deployment failed: no registry at the address, or an undecodable answer. */
    CALL_FAILED,
    /** The node could not be reached. */
    UNAVAILABLE
  }

  private final Reason reason;
  private final String errorName;
  private final List<String> errorArgs;
  private final String transactionHash;

  DatasetRegistryException(
      Reason reason,
      String message,
      String errorName,
      List<String> errorArgs,
      String transactionHash,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.errorName = errorName;
    this.errorArgs = List.copyOf(errorArgs);
    this.transactionHash = transactionHash;
  }

  DatasetRegistryException(Reason reason, String message, Throwable cause) {
    this(reason, message, null, List.of(), null, cause);
  }

  public Reason reason() {
    return reason;
  }

  /**
   * The registry's custom error: {@code NotCuratorAgent}, {@code DatasetExists}, {@code
   * UnknownDataset}, {@code UnknownParent}, {@code DuplicateParent}, {@code TooManyParents}, {@code
   * DatasetIsDeprecated}, {@code EmptyField}, {@code BadSignature} or {@code ZeroCurator}; empty
   * for other failures (including a revert with unknown data).
   */
  public Optional<String> errorName() {
    return Optional.ofNullable(errorName);
  }

  /**
   * The error's arguments in declared order: addresses and bytes32 as lower-case 0x-hex, strings as
   * they are (e.g. {@code [curator, actor]} for NotCuratorAgent, {@code [field]} for EmptyField).
   */
  public List<String> errorArgs() {
    return errorArgs;
  }

  /** The transaction, when one was sent (it was mined and reverted, or its receipt is late). */
  public Optional<String> transactionHash() {
    return Optional.ofNullable(transactionHash);
  }

  /** The same failure, now known to belong to {@code txHash}. */
  DatasetRegistryException withTransaction(String txHash) {
    return new DatasetRegistryException(
        reason,
        getMessage() + " (transaction " + txHash + ")",
        errorName,
        errorArgs,
        txHash,
        getCause());
  }
}

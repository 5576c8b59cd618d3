package io.assent.contracts.tx;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.web3j.tx.exceptions.ContractCallException;

/**
 * One JSON-RPC step of a contract client, with what can go wrong turned into the client's own
 * exception and reason: an unreachable node or an interruption is the client's "unavailable", a
 * failed contract call (web3j's {@link ContractCallException}) its "call failed", anything else the
 * step's own {@code otherwise}. The client's own exceptions and {@link IllegalArgumentException}s
 * (bad input) pass through unchanged.
 */
public final class RpcCall {
  /** Makes the client's exception; {@code message} starts with the step's name. */
  @FunctionalInterface
  public interface Errors<R, E extends RuntimeException> {
    E of(R reason, String message, Exception cause);
  }

  private RpcCall() {}

  /**
   * @param what the step's name, for messages ("send", "deploy", ...)
   * @param own the client's exception type, passed through
   */
  public static <T, R, E extends RuntimeException> T run(
      String what,
      Callable<T> call,
      Class<E> own,
      Errors<R, E> errors,
      R unavailable,
      R callFailed,
      R otherwise) {
    try {
      return call.call();
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (IOException e) {
      throw errors.of(unavailable, what + ": node unavailable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw errors.of(unavailable, what + ": interrupted", e);
    } catch (Exception e) {
      if (own.isInstance(e)) {
        throw own.cast(e);
      }
      if (e instanceof ContractCallException) {
        throw errors.of(callFailed, what + ": " + e.getMessage(), e);
      }
      throw errors.of(otherwise, what + " failed: " + e.getMessage(), e);
    }
  }
}

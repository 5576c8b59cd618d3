package io.assent.node.api;

import io.assent.node.relay.RelayException;
import java.util.function.Supplier;

/** Maps relay refusals to their problems. */
final class RelayErrors {
  private RelayErrors() {}

  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (RelayException e) {
      throw new ApiException(toApiError(e.reason()), e.getMessage());
    }
  }

  static ApiError toApiError(RelayException.Reason reason) {
    return switch (reason) {
      case INVALID_SIGNATURE -> ApiError.INVALID_SIGNATURE;
      case NOT_OWNER -> ApiError.NOT_OWNER;
      case STALE_NONCE -> ApiError.STALE_NONCE;
      case DEACTIVATED -> ApiError.DEACTIVATED;
      case REJECTED -> ApiError.TRANSACTION_REJECTED;
      case CHAIN_UNAVAILABLE -> ApiError.CHAIN_UNAVAILABLE;
    };
  }
}

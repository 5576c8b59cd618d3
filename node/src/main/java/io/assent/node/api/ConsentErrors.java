package io.assent.node.api;

import io.assent.node.consent.ConsentError;
import io.assent.node.consent.ConsentException;
import java.util.function.Supplier;

/** Maps the consent domain's refusals to problems. */
final class ConsentErrors {
  private ConsentErrors() {}

  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (ConsentException e) {
      throw new ApiException(map(e.error()), e.getMessage());
    }
  }

  static ApiError map(ConsentError error) {
    return switch (error) {
      case INVALID_REQUEST -> ApiError.INVALID_REQUEST;
      case INVALID_SIGNATURE -> ApiError.INVALID_SIGNATURE;
      case SIGNER_NOT_AUTHORIZED -> ApiError.SIGNER_NOT_AUTHORIZED;
      case NONCE_REUSED -> ApiError.NONCE_REUSED;
      case INVALID_VALIDITY -> ApiError.INVALID_VALIDITY;
      case DATASET_NOT_FOUND -> ApiError.DATASET_NOT_FOUND;
      case DATASET_DEPRECATED -> ApiError.DATASET_DEPRECATED;
      case CONSENT_NOT_FOUND -> ApiError.CONSENT_NOT_FOUND;
      case NOT_SUBJECT -> ApiError.NOT_SUBJECT;
      case ALREADY_ERASED -> ApiError.ALREADY_ERASED;
      case NOT_ANCHORED -> ApiError.NOT_ANCHORED;
    };
  }
}

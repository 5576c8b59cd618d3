package io.assent.node.consent;

/** Why the consent service refused a request; the API maps each to a stable problem code. */
public enum ConsentError {
  INVALID_REQUEST,
  INVALID_SIGNATURE,
  SIGNER_NOT_AUTHORIZED,
  NONCE_REUSED,
  INVALID_VALIDITY,
  DATASET_NOT_FOUND,
  DATASET_DEPRECATED,
  CONSENT_NOT_FOUND,
  NOT_SUBJECT,
  ALREADY_ERASED,
  NOT_ANCHORED
}

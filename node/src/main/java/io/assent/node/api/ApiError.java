package io.assent.node.api;

/**
 * Every error the API returns, with its stable code (the problem's {@code code} member and the last
 * segment of its {@code type} URI) and HTTP status. Codes are a public contract: never rename or
 * reuse one.
 */
public enum ApiError {
  INVALID_DID("invalidDid", 400, "Invalid DID"),
  UNKNOWN_NETWORK("unknownNetwork", 400, "DID of another network"),
  INVALID_REQUEST("invalidRequest", 400, "Invalid request"),
  INVALID_SIGNATURE("invalidSignature", 400, "Invalid signature"),
  NOT_OWNER("notOwner", 403, "Signer is not the identity's owner"),
  NOT_FOUND("notFound", 404, "Not found"),
  METHOD_NOT_ALLOWED("methodNotAllowed", 405, "Method not allowed"),
  STALE_NONCE("staleNonce", 409, "Stale nonce"),
  DEACTIVATED("deactivated", 410, "Identity deactivated"),
  PAYLOAD_TOO_LARGE("payloadTooLarge", 413, "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupportedMediaType", 415, "Unsupported media type"),
  TRANSACTION_REJECTED("transactionRejected", 422, "Transaction rejected by the chain"),
  INTERNAL_ERROR("internalError", 500, "Internal error"),
  RELAY_DISABLED("relayDisabled", 503, "This node does not relay"),
  CHAIN_UNAVAILABLE("chainUnavailable", 503, "Chain RPC unavailable"),
  SIGNER_NOT_AUTHORIZED(
      "signerNotAuthorized", 403, "Signer is neither the subject's owner nor a valid delegate"),
  NONCE_REUSED("nonceReused", 409, "Nonce already used"),
  INVALID_VALIDITY("invalidValidity", 400, "Invalid validity period or time"),
  DATASET_NOT_FOUND("datasetNotFound", 404, "Dataset not found"),
  CONSENT_NOT_FOUND("consentNotFound", 404, "Consent not found"),
  NOT_SUBJECT("notSubject", 403, "Signer is not the consent's subject"),
  ALREADY_ERASED("alreadyErased", 410, "Consent erased"),
  UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
  FORBIDDEN("forbidden", 403, "Forbidden"),
  NOT_ANCHORED("notAnchored", 409, "Not anchored yet"),
  CONSENTS_DISABLED("consentsDisabled", 503, "This node takes no consents"),
  // Datasets (issue 4, ds-node).
  NOT_CURATOR_AGENT(
      "notCuratorAgent", 403, "Signer is neither the curator's owner nor a valid delegate"),
  UNKNOWN_PARENT("unknownParent", 404, "Parent dataset not registered"),
  DATASET_EXISTS("datasetExists", 409, "Dataset already registered"),
  DATASET_DEPRECATED("datasetDeprecated", 410, "Dataset deprecated"),
  INVALID_LICENSE("invalidLicense", 400, "Invalid SPDX license expression"),
  // ds-permits
  UNKNOWN_PURPOSE("unknownPurpose", 400, "Unknown use purpose");

  /** Base of the problem type URIs. */
  public static final String TYPE_BASE = "https://assent.dev/problems/";

  private final String code;
  private final int status;
  private final String title;

  ApiError(String code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String type() {
    return TYPE_BASE + code;
  }
}

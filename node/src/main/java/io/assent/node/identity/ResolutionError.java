package io.assent.node.identity;

/**
 * Why a resolution produced no document. {@link #code()} is the {@code error} string of the
 * resolution metadata, stable, and the one the reference stack (ethr-did-resolver with
 * did-resolver) uses where it has one; the HTTP layer maps each to a status.
 */
public enum ResolutionError {
  /** Not a DID, a DID URL, or a malformed did:ethr identifier (address checksum, public key). */
  INVALID_DID("invalidDid"),
  /** A DID of a method other than ethr (did-resolver: {@code unsupportedDidMethod}). */
  METHOD_NOT_SUPPORTED("methodNotSupported"),
  /** The DID's network is not this node's chain. */
  UNKNOWN_NETWORK("unknownNetwork"),
  /** The requested representation is not supported (the spec's representationNotSupported). */
  UNSUPPORTED_FORMAT("unsupportedFormat"),
  /** Contradictory or out-of-range options (negative versionId, both versionId and versionTime). */
  INVALID_OPTIONS("invalidOptions"),
  /** A versionId block this node does not know. */
  NOT_FOUND("notFound");

  private final String code;

  ResolutionError(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}

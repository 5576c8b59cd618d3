package io.assent.contracts.did;

/**
 * A string that is not a valid {@code did:ethr} DID. {@link #reason()} is stable and meant for
 * machines (error codes, tests); the message is for people.
 */
public final class InvalidDidException extends IllegalArgumentException {

  /** Why a DID was refused. Names are stable: callers may map or log them. */
  public enum Reason {
    /** Not of the form {@code did:ethr:...}. */
    NOT_DID_ETHR,
    /** A DID URL (path, query, fragment or parameters), not a bare DID. */
    DID_URL,
    /** The network part is empty or has characters a DID may not contain. */
    BAD_NETWORK,
    /** The identifier is neither 0x + 40 hex digits (address) nor 0x + 66 (public key). */
    BAD_IDENTIFIER,
    /** A mixed-case address whose EIP-55 checksum is wrong. */
    BAD_CHECKSUM,
    /** 66 hex digits that are not a compressed secp256k1 public key on the curve. */
    BAD_PUBLIC_KEY
  }

  private final Reason reason;

  public InvalidDidException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

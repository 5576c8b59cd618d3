package io.assent.node.anchor;

/** The chain endpoint could not be reached, or refused a call; the anchorer retries later. */
public final class AnchorChainException extends RuntimeException {
  public AnchorChainException(String message, Throwable cause) {
    super(message, cause);
  }

  public AnchorChainException(String message) {
    super(message);
  }
}

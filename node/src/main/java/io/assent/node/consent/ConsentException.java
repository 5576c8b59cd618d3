package io.assent.node.consent;

/** A refused consent request: nothing was written. */
public final class ConsentException extends RuntimeException {
  private final ConsentError error;

  public ConsentException(ConsentError error, String detail) {
    super(detail, null, false, false);
    this.error = error;
  }

  public ConsentError error() {
    return error;
  }
}

package io.assent.node.api;

/** Thrown by endpoint logic to answer with a problem; caught by {@link FailureHandler}. */
public final class ApiException extends RuntimeException {
  private final ApiError error;

  public ApiException(ApiError error, String detail) {
    super(detail, null, false, false);
    this.error = error;
  }

  public ApiError error() {
    return error;
  }

  public String detail() {
    return getMessage();
  }
}

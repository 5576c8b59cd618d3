package io.assent.cli;

/**
 * A failure the user can act on: printed as one line, {@code assent: <message>}, with exit code 1.
 * {@code code} is stable (it is what {@code --json} reports); the message is for people.
 */
public final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  public CliException(String code, String message) {
    super(message);
    this.code = code;
  }

  public CliException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}

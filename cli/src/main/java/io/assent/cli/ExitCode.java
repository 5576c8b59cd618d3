package io.assent.cli;

/** The exit codes of {@code assent}; stable, scripts rely on them. */
public final class ExitCode {

  /** The command did what was asked. */
  public static final int OK = 0;

  /** The operation failed: the node, the chain or the input refused it (a message says why). */
  public static final int FAILED = 1;

  /** The command line itself is wrong (unknown option, bad value, missing argument). */
  public static final int USAGE = 2;

  private ExitCode() {}
}

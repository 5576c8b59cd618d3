package io.assent.testnet.bench;

/**
 * What the benchmark programs share: the report goes to stdout, progress lines to stderr, library
 * logging is quiet (warnings only) unless the caller chose a logback config, and one optional
 * numeric argument.
 */
final class Bench {
  private Bench() {}

  /** Call first in main, before anything creates a logger. */
  static void quietLogging() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "bench-logback.xml");
    }
  }

  /** A progress line on stderr, so that stdout holds only the report. */
  static void progress(String format, Object... args) {
    System.err.printf("[bench] " + format + "%n", args);
  }

  /** {@link #positiveArgument(String[], int, String, double)} of the first argument. */
  static double positiveArgument(String[] args, String name, double otherwise) {
    return positiveArgument(args, 0, name, otherwise);
  }

  /**
   * Command-line argument {@code index} as a positive number, or {@code otherwise} without one;
   * exits with status 2 and a message on anything else.
   */
  static double positiveArgument(String[] args, int index, String name, double otherwise) {
    if (args.length <= index) {
      return otherwise;
    }
    try {
      double value = Double.parseDouble(args[index]);
      if (value > 0 && value <= Integer.MAX_VALUE) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    System.err.println("bench: " + name + " must be a positive number, was '" + args[index] + "'");
    System.exit(2);
    return otherwise;
  }

  /** Fails the benchmark (a wrong answer means the figures measure nothing). */
  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}

package io.assent.testnet.bench;

/**
 * Output of the benchmark programs: the report goes to stdout, progress lines to stderr, and
 * library logging is quiet (warnings only) unless the caller chose a logback config.
 */
final class BenchLogging {
  private BenchLogging() {}

  /** Call first in main, before anything creates a logger. */
  static void quiet() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "bench-logback.xml");
    }
  }

  /** A progress line on stderr, so that stdout holds only the report. */
  static void progress(String format, Object... args) {
    System.err.printf("[bench] " + format + "%n", args);
  }
}

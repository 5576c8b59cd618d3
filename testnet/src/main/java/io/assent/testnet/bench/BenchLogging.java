package io.assent.testnet.bench;

/** Quiet logging for the benchmark programs, unless the caller chose a logback config. */
final class BenchLogging {
  private BenchLogging() {}

  /** Call first in main, before anything creates a logger. */
  static void quiet() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "bench-logback.xml");
    }
  }
}

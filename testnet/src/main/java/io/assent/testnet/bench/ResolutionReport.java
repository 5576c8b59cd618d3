package io.assent.testnet.bench;

import java.util.List;
import java.util.Locale;

/** The resolution benchmark's figures as markdown: one table, the goal's verdict, mismatches. */
final class ResolutionReport {
  static final double GOAL_RATIO = 100;
  static final int GOAL_CHANGES = 10;

  /**
   * One identity's figures.
   *
   * @param reference the reference resolver with a tuned provider (its fastest configuration)
   * @param rawHttp over HTTP with the least a client can do ({@link RawHttpConnection}): the node's
   *     own HTTP cost, without the JDK client's
   * @param referenceDocumented the reference resolver configured with an rpcUrl, as its README does
   * @param documentsEqual the node (in process and over HTTP) and the reference return equal JSON
   * @param sameKeyOrder the serialized results are identical, key order included
   * @param mismatch both results when they differ, else null
   */
  record Row(
      int changes,
      String did,
      Latencies.Summary inProcess,
      Latencies.Summary http,
      Latencies.Summary rawHttp,
      Latencies.Summary reference,
      Latencies.Summary referenceDocumented,
      boolean documentsEqual,
      boolean sameKeyOrder,
      String mismatch) {}

  private ResolutionReport() {}

  static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("Latency per resolution in ms, median / p99 (samples: in process ")
        .append(rows.get(0).inProcess().samples())
        .append(", HTTP ")
        .append(rows.get(0).http().samples())
        .append(" with each client")
        .append(", reference ")
        .append(rows.get(0).reference().samples())
        .append(" and ")
        .append(rows.get(0).referenceDocumented().samples())
        .append(" per DID).\n\n");
    out.append(
        "| changes | node in process | node over HTTP | node over HTTP, raw client |"
            + " reference (tuned provider) | reference / in process | reference / HTTP |"
            + " reference / HTTP, raw client | reference (documented config) |"
            + " same result as reference |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row row : rows) {
      out.append("| ")
          .append(row.changes())
          .append(" | ")
          .append(pair(row.inProcess()))
          .append(" | ")
          .append(pair(row.http()))
          .append(" | ")
          .append(pair(row.rawHttp()))
          .append(" | ")
          .append(pair(row.reference()))
          .append(" | ")
          .append(ratio(row.reference(), row.inProcess()))
          .append(" | ")
          .append(ratio(row.reference(), row.http()))
          .append(" | ")
          .append(ratio(row.reference(), row.rawHttp()))
          .append(" | ")
          .append(pair(row.referenceDocumented()))
          .append(" | ")
          .append(
              row.documentsEqual() ? (row.sameKeyOrder() ? "yes (byte-identical)" : "yes") : "NO")
          .append(" |\n");
    }
    out.append("\nRatios are of medians.\n\n").append(verdict(rows));
    rows.stream()
        .filter(r -> r.mismatch() != null)
        .forEach(
            r -> out.append("\nMismatch for ").append(r.did()).append(":\n").append(r.mismatch()));
    return out.toString();
  }

  private static String verdict(List<Row> rows) {
    Row row = rows.stream().filter(r -> r.changes() == GOAL_CHANGES).findFirst().orElseThrow();
    double inProcess = row.reference().medianMs() / row.inProcess().medianMs();
    double http = row.reference().medianMs() / row.http().medianMs();
    double raw = row.reference().medianMs() / row.rawHttp().medianMs();
    return String.format(
        Locale.ROOT,
        "Goal: resolution at least %.0fx faster than the reference at %d changes."
            + " In process: %.0fx, %s. Over HTTP: %.0fx with the JDK's HttpClient, %s;"
            + " %.0fx with the raw client, %s.%n",
        GOAL_RATIO,
        GOAL_CHANGES,
        inProcess,
        inProcess >= GOAL_RATIO ? "met" : "MISSED",
        http,
        http >= GOAL_RATIO ? "met" : "MISSED",
        raw,
        raw >= GOAL_RATIO ? "met" : "MISSED");
  }

  private static String pair(Latencies.Summary s) {
    return String.format(Locale.ROOT, "%s / %s", ms(s.medianMs()), ms(s.p99Ms()));
  }

  /** Three significant digits, whatever the magnitude. */
  static String ms(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (value >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static String ratio(Latencies.Summary slow, Latencies.Summary fast) {
    return String.format(Locale.ROOT, "%.0fx", slow.medianMs() / fast.medianMs());
  }
}

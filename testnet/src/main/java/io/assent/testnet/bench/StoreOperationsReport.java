package io.assent.testnet.bench;

import io.assent.node.store.Segment;
import io.assent.node.store.StoreOperations;
import io.assent.node.store.StoreOperations.Kind;
import java.util.Locale;

/** A node's store operations in a measured window, per item, as a markdown table. */
final class StoreOperationsReport {
  private StoreOperationsReport() {}

  static String perItem(StoreOperations.Snapshot ops, long items, String item) {
    StringBuilder rows = new StringBuilder();
    double[] total = new double[Kind.values().length];
    for (Segment segment : Segment.values()) {
      double[] per = new double[Kind.values().length];
      boolean shown = false;
      for (Kind kind : Kind.values()) {
        per[kind.ordinal()] = (double) ops.count(segment, kind) / items;
        total[kind.ordinal()] += per[kind.ordinal()];
        shown |= per[kind.ordinal()] >= 0.005; // what rounds to 0.00 is left out
      }
      if (shown) {
        rows.append(row(segment.name(), per));
      }
    }
    rows.append(row("**all**", total));
    return String.format(
        Locale.ROOT,
        """
        What the node asked of its store in the measured window, per %s (point reads, writes,
        deletes, scans opened; the anchorer's work in the window included). Unlike CPU time, these
        are the same from run to run. Synced commits: %.3f per %s.

        | segment | gets | puts | deletes | scans |
        |---|---:|---:|---:|---:|
        %s""",
        item,
        (double) ops.commits() / items,
        item,
        rows.toString().strip());
  }

  private static String row(String name, double[] per) {
    return String.format(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %.2f | %.2f |%n",
        name,
        per[Kind.GET.ordinal()],
        per[Kind.PUT.ordinal()],
        per[Kind.DELETE.ordinal()],
        per[Kind.SCAN.ordinal()]);
  }
}

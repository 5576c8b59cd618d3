package io.assent.testnet.bench;

import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.LineageDirection;
import io.assent.node.dataset.LineageGraph;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.testnet.NodeClient;
import io.assent.testnet.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Lineage queries on a DAG of registered datasets (default 10,000: 100 layers of 100, each dataset
 * derived from two random datasets of the layer above), at depths 1 to 100, in process ({@link
 * DatasetIndex#lineage}) and over HTTP ({@code GET /v1/datasets/{id}/lineage} of a node running as
 * its own process). Every dataset is registered by a real transaction on the dev chain and indexed
 * by the node's chain follower: nothing is filled in bulk.
 *
 * <p>Usage: {@code LineageBenchmark [datasets]} (a multiple of 100).
 */
public final class LineageBenchmark {
  private static final int WIDTH = 100;
  private static final int[] DEPTHS = {1, 2, 5, 10, 20, 50, 100};

  public static void main(String[] args) throws Exception {
    Bench.quietLogging();
    int datasets = (int) Bench.positiveArgument(args, "datasets", 10_000);
    if (datasets % WIDTH != 0 || datasets < 2 * WIDTH) {
      throw new IllegalArgumentException("datasets must be a multiple of " + WIDTH);
    }
    int layers = datasets / WIDTH;
    System.out.println("## Dataset lineage\n\n" + Machine.describe() + "\n");
    Path dir = Files.createTempDirectory("assent-bench-lineage-");
    try (BenchChain chain = BenchChain.start()) {
      DatasetRegistryClient registry = chain.deployDatasetRegistry();
      long started = System.nanoTime();
      DatasetDag dag = DatasetDag.register(registry, layers, WIDTH);
      long head = chain.anvil().web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
      Bench.progress(
          "registered %,d datasets in %.1f s (head %d)",
          datasets, (System.nanoTime() - started) / 1e9, head);

      Path data = dir.resolve("data");
      Path config =
          chain.writeNodeConfig(
              data, dir.resolve("node.json"), Map.of("datasetRegistry", registry.address()));
      List<Row> rows = new ArrayList<>();
      long rssKb;
      try (NodeProcess node =
          NodeProcess.start(config, Anvil.freePort(), Map.of(), dir.resolve("node.log"))) {
        NodeClient client = new NodeClient(node.url());
        started = System.nanoTime();
        client.awaitSyncedTo(head, Duration.ofMinutes(10));
        Bench.progress("node synced in %.1f s", (System.nanoTime() - started) / 1e9);
        for (int depth : DEPTHS) {
          if (depth > layers) {
            break; // no path that long
          }
          rows.add(new Row(depth, http(client, dag, LineageDirection.ANCESTORS, depth)));
        }
        rssKb = CheckBenchmark.rssKb(node.pid());
      }
      try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(data)) {
        DatasetIndex index = new DatasetIndex(store);
        for (Row row : rows) {
          row.inProcessAncestors = inProcess(index, dag, LineageDirection.ANCESTORS, row.depth);
          row.inProcessDescendants = inProcess(index, dag, LineageDirection.DESCENDANTS, row.depth);
        }
      }
      System.out.println(report(datasets, layers, rows, rssKb));
    } finally {
      Anvil.deleteRecursively(dir);
    }
    System.exit(0); // web3j leaves non-daemon threads behind
  }

  /** The measured figures of one depth; the node count is that of the last query. */
  private static final class Row {
    final int depth;
    final Measured http;
    Measured inProcessAncestors;
    Measured inProcessDescendants;

    Row(int depth, Measured http) {
      this.depth = depth;
      this.http = http;
    }
  }

  private record Measured(Latencies.Summary latency, int nodes) {}

  private static Measured inProcess(
      DatasetIndex index, DatasetDag dag, LineageDirection direction, int depth) {
    Random random = new Random(depth);
    int[] nodes = new int[1];
    int samples = depth >= 50 ? 200 : 2_000;
    Latencies.Summary summary =
        Latencies.measure(
            samples / 4,
            samples,
            () -> {
              String id = dag.start(direction, random);
              LineageGraph graph = index.lineage(id, direction, depth);
              // Every dataset past the first layer has parents, so an ancestor walk reaches its
              // full depth; a descendant walk may end early (some datasets have no children).
              int least = direction == LineageDirection.ANCESTORS ? depth + 1 : 2;
              Bench.require(graph.nodes().size() >= least, "graph too small at depth " + depth);
              nodes[0] = graph.nodes().size();
            });
    return new Measured(summary, nodes[0]);
  }

  private static Measured http(
      NodeClient client, DatasetDag dag, LineageDirection direction, int depth) {
    Random random = new Random(depth);
    int[] nodes = new int[1];
    int samples = depth >= 50 ? 100 : 1_000;
    String name = direction.name().toLowerCase(Locale.ROOT);
    Latencies.Summary summary =
        Latencies.measure(
            samples / 4,
            samples,
            () -> {
              NodeClient.Answer a =
                  client.get(
                      "/v1/datasets/"
                          + dag.start(direction, random)
                          + "/lineage?direction="
                          + name
                          + "&depth="
                          + depth);
              Bench.require(a.status() == 200, a.status() + " " + a.body());
              nodes[0] = a.body().get("nodes").size();
            });
    return new Measured(summary, nodes[0]);
  }

  private static String report(int datasets, int layers, List<Row> rows, long rssKb) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "DAG: %,d datasets registered on the dev chain, %d layers of %d, each derived from two"
                + " random datasets of the layer above (seeded); queries start at a random dataset of the last"
                + " layer (ancestors) or the first (descendants).%n%n",
            datasets,
            layers,
            WIDTH));
    out.append(
        "| depth | nodes returned | in process ancestors p50 / p99 | in process descendants p50 /"
            + " p99 | HTTP ancestors p50 / p99 |\n|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %,d | %.3f / %.3f ms | %.3f / %.3f ms | %.3f / %.3f ms |%n",
              row.depth,
              row.inProcessAncestors.nodes(),
              row.inProcessAncestors.latency().medianMs(),
              row.inProcessAncestors.latency().p99Ms(),
              row.inProcessDescendants.latency().medianMs(),
              row.inProcessDescendants.latency().p99Ms(),
              row.http.latency().medianMs(),
              row.http.latency().p99Ms()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nNode process (-Xmx512m) resident memory after the HTTP run: **%,d MiB** (VmRSS).%n",
            rssKb / 1024));
    return out.toString();
  }
}

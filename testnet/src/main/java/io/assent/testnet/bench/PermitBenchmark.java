package io.assent.testnet.bench;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.consent.DatasetConsents;
import io.assent.node.consent.ManifestEntry;
import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.license.LicensePolicy;
import io.assent.node.dataset.license.UsePurpose;
import io.assent.node.dataset.license.Verdict;
import io.assent.node.dataset.permit.Permit;
import io.assent.node.dataset.permit.PermitService;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.testnet.NodeClient;
import io.assent.testnet.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Permit latency with N consents (default 1,000,000) held for the dataset asked about, whose
 * lineage (5 datasets: the dataset and 4 ancestors) is registered on the dev chain and indexed by
 * the node's follower: in process ({@link PermitService#decide}, at now and at random times of the
 * past year) and over HTTP ({@code GET /v1/datasets/{id}/permits} of a node running as its own
 * process). For scale, one full pass over the dataset's consents (the manifest's scan), which is
 * what a permit would cost without the precomputed summary. Consents are filled in bulk ({@link
 * PermitFill}).
 *
 * <p>Usage: {@code PermitBenchmark [consents]}.
 */
public final class PermitBenchmark {
  private static final int WARMUP = 1_000;
  private static final int SAMPLES = 10_000;
  private static final long YEAR = 365 * 86_400L;

  public static void main(String[] args) throws Exception {
    Bench.quietLogging();
    int consents = (int) Bench.positiveArgument(args, "consents", 1_000_000);
    System.out.println("## Dataset permits\n\n" + Machine.describe() + "\n");
    Path dir = Files.createTempDirectory("assent-bench-permits-");
    try (BenchChain chain = BenchChain.start()) {
      ConsentAnchorClient anchor = chain.deployConsentAnchor();
      DatasetRegistryClient registry = chain.deployDatasetRegistry();
      String dataset = registerLineage(registry);
      long head = chain.anvil().web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
      long now = System.currentTimeMillis() / 1000;
      Path data = dir.resolve("data");
      long started = System.nanoTime();
      try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(data)) {
        new PermitFill().fill(store, dataset, consents, now);
      }
      Bench.progress(
          "filled %,d consents in %.1f s", consents, (System.nanoTime() - started) / 1e9);

      Path config =
          chain.writeNodeConfig(
              data,
              dir.resolve("node.json"),
              Map.of("consentAnchor", anchor.address(), "datasetRegistry", registry.address()));
      Latencies.Summary http;
      long rssKb;
      String sample;
      try (NodeProcess node =
          NodeProcess.start(config, Anvil.freePort(), Map.of(), dir.resolve("node.log"))) {
        NodeClient client = new NodeClient(node.url());
        client.awaitSyncedTo(head, Duration.ofMinutes(5));
        String path = "/v1/datasets/" + dataset + "/permits?purpose=commercial-ai-training";
        NodeClient.Answer first = client.get(path);
        Bench.require(first.status() == 200, first.status() + " " + first.body());
        sample = first.body().get("consents").toString();
        http =
            Latencies.measure(
                WARMUP,
                SAMPLES / 2,
                () -> {
                  NodeClient.Answer a = client.get(path);
                  Bench.require(a.status() == 200, a.status() + " " + a.body());
                });
        rssKb = CheckBenchmark.rssKb(node.pid());
      }
      Bench.progress("over HTTP: %s; consents %s", http, sample);

      try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(data)) {
        DatasetConsents reads = new DatasetConsents(store);
        PermitService permits =
            new PermitService(new DatasetIndex(store), LicensePolicy.bundled(), reads);
        Permit permit =
            permits.decide(dataset, UsePurpose.COMMERCIAL_AI_TRAINING, now).orElseThrow();
        Bench.require(permit.decision() == Verdict.CONDITIONAL, "decision " + permit.decision());
        Latencies.Summary atNow =
            Latencies.measure(
                WARMUP,
                SAMPLES,
                () -> permits.decide(dataset, UsePurpose.COMMERCIAL_AI_TRAINING, now));
        Random random = new Random(5);
        Latencies.Summary past =
            Latencies.measure(
                WARMUP,
                SAMPLES,
                () ->
                    permits.decide(
                        dataset, UsePurpose.NON_COMMERCIAL_RESEARCH, now - random.nextLong(YEAR)));
        long scanStart = System.nanoTime();
        long valid;
        try (Stream<ManifestEntry> all =
            reads.manifest(dataset, List.of("ai:ModelTraining"), now)) {
          valid = all.count();
        }
        double scanMs = (System.nanoTime() - scanStart) / 1e6;
        Bench.require(
            valid == permit.consents().valid(), valid + " != " + permit.consents().valid());
        System.out.println(report(consents, permit, atNow, past, http, scanMs, rssKb));
      }
    } finally {
      Anvil.deleteRecursively(dir);
    }
    System.exit(0); // web3j leaves non-daemon threads behind
  }

  /** root (CC-BY-4.0) ← 3 derived (CDLA, CC0, CC-BY-SA) ← the dataset (CC0); returns its id. */
  private static String registerLineage(DatasetRegistryClient registry) {
    String curator = Anvil.devCredentials(BenchChain.RELAYER).getAddress();
    List<String> licenses =
        List.of("CC-BY-4.0", "CDLA-Permissive-2.0", "CC0-1.0", "CC-BY-SA-4.0", "CC0-1.0");
    String parent = null;
    for (int i = 0; i < licenses.size(); i++) {
      DatasetOperation.Register op =
          new DatasetOperation.Register(
              curator,
              "permit-bench-" + i,
              "1.0.0",
              "0x" + "ab".repeat(32),
              "0x" + "ab".repeat(32),
              "https://example.org/permit-bench/" + i,
              licenses.get(i),
              parent == null ? List.of() : List.of(parent));
      registry.send(op);
      parent = op.datasetId();
    }
    return parent;
  }

  private static String report(
      int consents,
      Permit permit,
      Latencies.Summary atNow,
      Latencies.Summary past,
      Latencies.Summary http,
      double scanMs,
      long rssKb) {
    var s = permit.consents();
    return String.format(
        Locale.ROOT,
        """
        | permits, %,d consents for the dataset, lineage of 5 | samples | p50 | p99 |
        |---|---:|---:|---:|
        | in process, commercial-ai-training at now | %,d | %.3f ms | %.3f ms |
        | in process, non-commercial-research at a random time of the past year | %,d | %.3f ms | %.3f ms |
        | over HTTP (one client, keep-alive), commercial-ai-training at now | %,d | %.3f ms | %.3f ms |

        At now for commercial-ai-training: %,d valid, %,d pending, %,d withdrawn, %,d expired, %,d
        erased of %,d (decision %s, %d anchor roots in the evidence). The same count by scanning
        the dataset's consents (what the manifest does): **%,.0f ms**. Node process (-Xmx512m)
        resident memory after the HTTP run: **%,d MiB** (VmRSS).
        """,
        consents,
        atNow.samples(),
        atNow.medianMs(),
        atNow.p99Ms(),
        past.samples(),
        past.medianMs(),
        past.p99Ms(),
        http.samples(),
        http.medianMs(),
        http.p99Ms(),
        s.valid(),
        s.pending(),
        s.withdrawn(),
        s.expired(),
        s.erased(),
        s.total(),
        permit.decision().id(),
        permit.evidence().anchors().size(),
        scanMs,
        rssKb / 1024);
  }
}

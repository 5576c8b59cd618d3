package io.assent.testnet.bench;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.consent.CheckResult;
import io.assent.node.consent.ConsentService;
import io.assent.node.consent.DatasetDirectory;
import io.assent.node.consent.Eip712ConsentSignatures;
import io.assent.node.consent.SignerAuthority;
import io.assent.node.consent.SigningDomain;
import io.assent.node.identity.IdentityIndex;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.testnet.ConsentRequests;
import io.assent.testnet.NodeClient;
import io.assent.testnet.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code check} latency with N consents indexed (default 1,000,000; 4 per subject), in process
 * ({@link ConsentService#check}) and over HTTP ({@code GET /v1/consents/check} of a node running as
 * its own process on the filled data directory), and that node's resident memory (VmRSS) at that
 * size. The store is filled in bulk ({@link ConsentFill}), not through the API.
 *
 * <p>Usage: {@code CheckBenchmark [consents]}.
 */
public final class CheckBenchmark {
  private static final int PER_SUBJECT = 4;
  private static final int DATASETS = 1_000;
  private static final int WARMUP = 2_000;
  private static final int SAMPLES = 20_000;

  public static void main(String[] args) throws Exception {
    Bench.quietLogging();
    int consents = (int) Bench.positiveArgument(args, "consents", 1_000_000);
    System.out.println("## Consent check\n\n" + Machine.describe() + "\n");
    Path dir = Files.createTempDirectory("assent-bench-check-");
    try (BenchChain chain = BenchChain.start()) {
      ConsentAnchorClient anchor = chain.deployConsentAnchor();
      List<String> datasets = new ArrayList<>();
      for (int i = 0; i < DATASETS; i++) {
        datasets.add(ConsentRequests.randomHex32());
      }
      ConsentFill fill = new ConsentFill(datasets);
      int subjects = consents / PER_SUBJECT;
      long now = System.currentTimeMillis() / 1000;
      Path data = dir.resolve("data");
      Latencies.Summary granted;
      Latencies.Summary none;
      long started = System.nanoTime();
      try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(data)) {
        fill.fill(store, consents, PER_SUBJECT, now);
        Bench.progress(
            "filled %,d consents in %.1f s", consents, (System.nanoTime() - started) / 1e9);
        ConsentService service =
            new ConsentService(
                store,
                new Eip712ConsentSignatures(new SigningDomain(Anvil.CHAIN_ID, anchor.address())),
                new SignerAuthority(new IdentityIndex(store)),
                DatasetDirectory.ACCEPT_ALL,
                Clock.systemUTC());
        Random random = new Random(7);
        granted =
            Latencies.measure(
                WARMUP,
                SAMPLES,
                () -> {
                  int s = random.nextInt(subjects);
                  CheckResult r =
                      service.check(
                          ConsentFill.subject(s),
                          fill.firstDataset(s),
                          ConsentFill.PURPOSES.get(0),
                          now);
                  Bench.require(r.permitted(), "subject " + s + ": " + r);
                });
        none =
            Latencies.measure(
                WARMUP,
                SAMPLES,
                () -> {
                  int s = subjects + random.nextInt(subjects);
                  CheckResult r =
                      service.check(
                          ConsentFill.subject(s), datasets.get(0), "ai:ModelTraining", now);
                  Bench.require(!r.permitted(), "unknown subject permitted");
                });
      }
      Bench.progress("in process: granted %s, none %s", granted, none);
      Path config =
          chain.writeNodeConfig(
              data, dir.resolve("node.json"), Map.of("consentAnchor", anchor.address()));
      Latencies.Summary http;
      long rssKb;
      try (NodeProcess node =
          NodeProcess.start(config, Anvil.freePort(), Map.of(), dir.resolve("node.log"))) {
        NodeClient client = new NodeClient(node.url());
        Random random = new Random(11);
        http =
            Latencies.measure(
                WARMUP,
                SAMPLES / 4,
                () -> {
                  int s = random.nextInt(subjects);
                  NodeClient.Answer a =
                      client.get(
                          "/v1/consents/check?subject="
                              + NodeClient.encode("did:ethr:dev:" + ConsentFill.subject(s))
                              + "&dataset="
                              + fill.firstDataset(s)
                              + "&purpose="
                              + NodeClient.encode(ConsentFill.PURPOSES.get(0)));
                  Bench.require(
                      a.status() == 200 && a.body().get("permitted").asBoolean(),
                      a.status() + " " + a.body());
                });
        rssKb = rssKb(node.pid());
      }
      System.out.println(report(consents, granted, none, http, rssKb));
    } finally {
      Anvil.deleteRecursively(dir);
    }
    System.exit(0); // web3j leaves non-daemon threads behind
  }

  static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static String report(
      int consents,
      Latencies.Summary granted,
      Latencies.Summary none,
      Latencies.Summary http,
      long rssKb) {
    return String.format(
        Locale.ROOT,
        """
        | check, %,d consents indexed (%d per subject) | samples | p50 | p99 |
        |---|---:|---:|---:|
        | in process, permitted (anchored or pending, with evidence) | %,d | %.3f ms | %.3f ms |
        | in process, unknown subject (noConsent) | %,d | %.3f ms | %.3f ms |
        | over HTTP (one client, keep-alive), permitted | %,d | %.3f ms | %.3f ms |

        Node process (`assent-node run`, -Xmx512m) resident memory after the HTTP run: **%,d MiB**
        (VmRSS). Store filled in bulk with the node's own encoders (state, subject/dataset indexes,
        half of them with an anchor proof of 10 hashes).
        """,
        consents,
        PER_SUBJECT,
        granted.samples(),
        granted.medianMs(),
        granted.p99Ms(),
        none.samples(),
        none.medianMs(),
        none.p99Ms(),
        http.samples(),
        http.medianMs(),
        http.p99Ms(),
        rssKb / 1024);
  }
}

package io.assent.testnet.bench;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.consent.CheckResult;
import io.assent.node.consent.ConsentService;
import io.assent.node.consent.DatasetDirectory;
import io.assent.node.consent.Eip712ConsentSignatures;
import io.assent.node.consent.SignerAuthority;
import io.assent.node.consent.SigningDomain;
import io.assent.node.consent.SummaryWriters;
import io.assent.node.identity.IdentityIndex;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.testnet.ConsentRequests;
import io.assent.testnet.NodeClient;
import io.assent.testnet.NodeProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * {@code check} latency with N consents (default 1,000,000; 4 per subject, 1,000 datasets) taken in
 * through the API ({@link ApiConsentFill}: each grant signed by its subject and posted to a node
 * running as its own process, whose anchorer anchors them on the dev chain meanwhile). Then, over
 * HTTP ({@code GET /v1/consents/check}) on that node, its resident memory (VmRSS) and how long a
 * few erasures take ({@link #measureErasures}); then, the node stopped, in process ({@link
 * ConsentService#check}) on the same data directory.
 *
 * <p>Usage: {@code CheckBenchmark [consents] [clients]} (default 1,000,000 and 8).
 */
public final class CheckBenchmark {
  private static final int PER_SUBJECT = 4;
  private static final int DATASETS = 1_000;
  private static final int WARMUP = 2_000;
  private static final int SAMPLES = 20_000;
  private static final int ERASURES = 5;
  // The node's erasure compactor's interval, shorter than its default (10 s) to measure sooner.
  private static final Duration ERASURE_COMPACTION_INTERVAL = Duration.ofSeconds(1);

  public static void main(String[] args) throws Exception {
    Bench.quietLogging();
    int consents = (int) Bench.positiveArgument(args, "consents", 1_000_000);
    int clients = (int) Bench.positiveArgument(args, 1, "clients", 8);
    System.out.println("## Consent check\n\n" + Machine.describe() + "\n");
    Path dir = Files.createTempDirectory("assent-bench-check-");
    try (BenchChain chain = BenchChain.start()) {
      ConsentAnchorClient anchor = chain.deployConsentAnchor();
      List<String> datasets = new ArrayList<>();
      for (int i = 0; i < DATASETS; i++) {
        datasets.add(ConsentRequests.randomHex32());
      }
      ConsentRequests requests = new ConsentRequests(Anvil.CHAIN_ID, anchor.address(), "dev");
      ApiConsentFill fill = new ApiConsentFill(requests, datasets, consents, PER_SUBJECT);
      Bench.progress("derived %,d subject keys", fill.subjects());
      Path data = dir.resolve("data");
      Path config =
          chain.writeNodeConfig(
              data, dir.resolve("node.json"), Map.of("consentAnchor", anchor.address()));
      Map<String, String> env =
          Map.of(
              "ASSENT_RELAYER_KEY",
              Anvil.DEV_KEYS.get(BenchChain.RELAYER),
              "ASSENT_ERASURE_COMPACTION_INTERVAL_MS",
              String.valueOf(ERASURE_COMPACTION_INTERVAL.toMillis()));
      Served served = serve(config, env, dir.resolve("node.log"), fill, requests, clients);
      List<Long> compactionMs = compactionTimes(dir.resolve("node.log"));
      long dataBytes = directoryBytes(data);
      Bench.progress("over HTTP: %s", served.http());
      Bench.progress("erasures: %s", served.erasures());
      Latencies.Summary[] inProcess = measureInProcess(data, anchor.address(), fill, datasets);
      Latencies.Summary granted = inProcess[0];
      Latencies.Summary none = inProcess[1];
      Bench.progress("in process: granted %s, none %s", granted, none);
      System.out.println(report(consents, clients, served, dataBytes, granted, none));
      System.out.println(erasureReport(consents, served.erasures(), compactionMs));
    } finally {
      Anvil.deleteRecursively(dir);
    }
    System.exit(0); // web3j leaves non-daemon threads behind
  }

  /**
   * {@code check} in process on the filled data directory (the node stopped): for known subjects
   * (permitted) and for unknown ones (noConsent), in that order.
   */
  private static Latencies.Summary[] measureInProcess(
      Path data, String anchor, ApiConsentFill fill, List<String> datasets) {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(data);
        ConsentService service =
            new ConsentService(
                store,
                new Eip712ConsentSignatures(new SigningDomain(Anvil.CHAIN_ID, anchor)),
                new SignerAuthority(new IdentityIndex(store)),
                DatasetDirectory.ACCEPT_ALL,
                Clock.systemUTC(),
                new SummaryWriters())) {
      long now = Instant.now().getEpochSecond();
      Random random = new Random(7);
      Latencies.Summary granted =
          measure(
              random,
              fill.subjects(),
              s -> service.check(fill.subject(s), fill.firstDataset(s), purpose(), now),
              true);
      Latencies.Summary none =
          measure(
              random,
              fill.subjects(),
              s -> service.check(unknownSubject(s), datasets.get(0), purpose(), now),
              false);
      return new Latencies.Summary[] {granted, none};
    }
  }

  private static String purpose() {
    return ApiConsentFill.PURPOSES.get(0);
  }

  /** An address no subject of the fill has. */
  private static String unknownSubject(int s) {
    return String.format(Locale.ROOT, "0x%040x", 0x5000_0000L + s);
  }

  private static Latencies.Summary measure(
      Random random, int subjects, IntFunction<CheckResult> check, boolean permitted) {
    return Latencies.measure(
        WARMUP,
        SAMPLES,
        () -> {
          int s = random.nextInt(subjects);
          CheckResult r = check.apply(s);
          Bench.require(r.permitted() == permitted, "subject " + s + ": " + r);
        });
  }

  /**
   * The erasures' times: until each was answered, and from then until the node's status showed no
   * erasure awaiting its compaction (null if not within 10 minutes).
   */
  private record Erasures(List<Duration> answered, List<Duration> compacted) {}

  /**
   * {@link #ERASURES} erasures over HTTP, one after the other, each of a consent granted for it by
   * a fresh subject just before (not timed): the time until the node answers the erasure, after the
   * synced write that deletes it; then the time until its compaction, which follows in the
   * background (see {@code ErasureCompactor}), is done.
   */
  private static Erasures measureErasures(
      NodeClient client, ConsentRequests requests, String dataset) throws Exception {
    List<Duration> answered = new ArrayList<>();
    List<Duration> compacted = new ArrayList<>();
    long until = Instant.now().plus(Duration.ofDays(365)).getEpochSecond();
    for (int i = 0; i < ERASURES; i++) {
      Credentials subject = Credentials.create(Keys.createEcKeyPair());
      NodeClient.Answer granted =
          client.postJson(
              "/v1/consents",
              requests
                  .grant(
                      subject,
                      dataset,
                      List.of(purpose()),
                      ConsentRequests.randomHex32(),
                      "EU",
                      until)
                  .body());
      Bench.require(granted.status() == 202, granted.status() + " " + granted.body());
      String id = granted.body().get("consentId").asText();
      String body = requests.erasure(id, subject);
      long started = System.nanoTime();
      NodeClient.Answer erased = client.postJson("/v1/consents/" + id + "/erasure", body);
      answered.add(Duration.ofNanos(System.nanoTime() - started));
      Bench.require(
          erased.status() / 100 == 2
              && client.get("/v1/consents/" + id).body().path("status").asText().equals("erased"),
          erased.status() + " " + erased.body());
      compacted.add(awaitErasuresCompacted(client, Duration.ofMinutes(10)));
    }
    return new Erasures(answered, compacted);
  }

  /**
   * How long until the node's status shows no erasure awaiting its compaction (the compactor's
   * interval and its compaction), or null at the timeout.
   */
  private static Duration awaitErasuresCompacted(NodeClient client, Duration timeout)
      throws InterruptedException {
    long started = System.nanoTime();
    while (client.status().path("erasures").path("awaitingCompaction").asLong() > 0) {
      if (System.nanoTime() - started > timeout.toNanos()) {
        return null;
      }
      Thread.sleep(50); // polling a remote status; no event to wait on
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static final Pattern COMPACTION_LOG =
      Pattern.compile("compacted the private segments for \\d+ erasure\\(s\\) in (\\d+) ms");

  /** The durations of the node's erasure compactions, from its log. */
  private static List<Long> compactionTimes(Path log) throws IOException {
    List<Long> ms = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = COMPACTION_LOG.matcher(line);
      if (m.find()) {
        ms.add(Long.parseLong(m.group(1)));
      }
    }
    return ms;
  }

  private static String erasureReport(int consents, Erasures erasures, List<Long> compactionMs) {
    List<Double> ms = erasures.answered().stream().map(d -> d.toNanos() / 1e6).sorted().toList();
    return String.format(
        Locale.ROOT,
        """
        Erasure with %,d consents in the node (`POST /v1/consents/{id}/erasure`, %d one after the
        other, each answered after its synced write): median %.1f ms, slowest %.1f ms. Each
        erasure's compaction follows in the background (node's interval %d ms): none awaited it
        any more (`GET /v1/status`) after %s s; the node's compactions took %s ms (its log).
        """,
        consents,
        ms.size(),
        ms.get(ms.size() / 2),
        ms.get(ms.size() - 1),
        ERASURE_COMPACTION_INTERVAL.toMillis(),
        erasures.compacted().stream()
            .map(
                d ->
                    d == null
                        ? "(not within 10 min)"
                        : String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e9))
            .toList(),
        compactionMs);
  }

  /** The anchorer's status once nothing waits to be anchored (or at the timeout). */
  private record AnchoringState(long queuedConsents, long pendingBatches, boolean drained) {}

  private static AnchoringState awaitAnchored(NodeClient client, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      var anchoring = client.status().path("anchoring");
      long queued = anchoring.path("queuedConsents").asLong();
      long pending = anchoring.path("pendingBatches").asLong();
      boolean drained = queued == 0 && pending == 0;
      if (drained || System.nanoTime() > deadline) {
        return new AnchoringState(queued, pending, drained);
      }
      Thread.sleep(500); // polling a remote status; no event to wait on
    }
  }

  /** What the node process did and answered, from the fill to the erasures. */
  private record Served(
      ApiConsentFill.Timing timing,
      AnchoringState anchoring,
      HttpLatencies http,
      long rssKb,
      Erasures erasures) {}

  /**
   * Runs {@code assent-node run} and, in order: takes the consents in, waits until they are
   * anchored, times {@code check} over HTTP for random subjects whose first consent permits the
   * first purpose (with {@code java.net.http.HttpClient}, a typical client, then with {@link
   * RawHttpConnection}, which shows how much of the latency is the node's), reads its RSS, times
   * the erasures, and times the raw client again with the node idle.
   */
  private static Served serve(
      Path config,
      Map<String, String> env,
      Path log,
      ApiConsentFill fill,
      ConsentRequests requests,
      int clients)
      throws Exception {
    try (NodeProcess node = NodeProcess.start(config, Anvil.freePort(), env, log)) {
      ApiConsentFill.Timing timing = fill.fill(node.url(), clients);
      Bench.progress("filled the consents in %s", timing.total());
      NodeClient client = new NodeClient(node.url());
      AnchoringState anchoring = awaitAnchored(client, Duration.ofMinutes(5));
      Random random = new Random(11);
      Latencies.Summary typical = typicalClient(client, fill, random);
      Latencies.Summary raw = rawClient(node.url(), fill, random);
      long rssKb = rssKb(node.pid());
      Erasures erasures = measureErasures(client, requests, fill.firstDataset(0));
      Latencies.Summary idle = rawClient(node.url(), fill, new Random(12));
      return new Served(timing, anchoring, new HttpLatencies(typical, raw, idle), rssKb, erasures);
    }
  }

  /** {@code check} with {@link NodeClient}; every answer must be 200 and permitted. */
  private static Latencies.Summary typicalClient(
      NodeClient client, ApiConsentFill fill, Random random) {
    return Latencies.measure(
        WARMUP,
        SAMPLES / 4,
        () -> {
          NodeClient.Answer a = client.get(checkPath(fill, random.nextInt(fill.subjects())));
          Bench.require(
              a.status() == 200 && a.body().get("permitted").asBoolean(),
              a.status() + " " + a.body());
        });
  }

  /**
   * {@code check} over one raw keep-alive connection, the requests (random subjects) encoded
   * beforehand; every answer must be 200 and permitted.
   */
  private static Latencies.Summary rawClient(String url, ApiConsentFill fill, Random random)
      throws IOException {
    URI base = URI.create(url);
    String hostPort = base.getHost() + ":" + base.getPort();
    List<byte[]> requests = new ArrayList<>();
    for (int i = 0; i < WARMUP + SAMPLES / 4; i++) {
      String path = checkPath(fill, random.nextInt(fill.subjects()));
      requests.add(RawHttpConnection.encodeGet(hostPort, path, "application/json"));
    }
    Iterator<byte[]> next = requests.iterator();
    try (RawHttpConnection raw = new RawHttpConnection(base.getHost(), base.getPort())) {
      return Latencies.measure(
          WARMUP,
          SAMPLES / 4,
          () -> {
            RawHttpConnection.Response r = raw.send(next.next());
            Bench.require(
                r.status() == 200 && r.body().contains("\"permitted\":true"),
                r.status() + " " + r.body());
          });
    }
  }

  private static String checkPath(ApiConsentFill fill, int s) {
    return "/v1/consents/check?subject="
        + NodeClient.encode("did:ethr:dev:" + fill.subject(s))
        + "&dataset="
        + fill.firstDataset(s)
        + "&purpose="
        + NodeClient.encode(ApiConsentFill.PURPOSES.get(0));
  }

  /**
   * {@code check} over HTTP, with a typical client and with a minimal one, right after the fill;
   * and with the minimal one again once the node is idle (after the erasures' compactions).
   */
  private record HttpLatencies(
      Latencies.Summary typical, Latencies.Summary rawClient, Latencies.Summary rawIdle) {}

  /** The bytes of the regular files under {@code dir}. */
  static long directoryBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(CheckBenchmark::size).sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted while walking
    }
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
      int clients,
      Served served,
      long dataBytes,
      Latencies.Summary granted,
      Latencies.Summary none) {
    HttpLatencies http = served.http();
    ApiConsentFill.Timing timing = served.timing();
    AnchoringState anchoring = served.anchoring();
    return String.format(
        Locale.ROOT,
        """
        | check, %,d consents indexed (%d per subject, %,d datasets) | samples | p50 | p99 |
        |---|---:|---:|---:|
        | over HTTP (one client, keep-alive: `java.net.http.HttpClient`), permitted | %,d | %.3f ms | %.3f ms |
        | over HTTP (one raw keep-alive connection, requests encoded beforehand), permitted | %,d | %.3f ms | %.3f ms |
        | the same, again once the node is idle (after the erasures and their compactions) | %,d | %.3f ms | %.3f ms |
        | in process, permitted (with evidence) | %,d | %.3f ms | %.3f ms |
        | in process, unknown subject (noConsent) | %,d | %.3f ms | %.3f ms |

        Node process (`assent-node run`, -Xmx512m) resident memory after taking in the %,d
        consents and serving the HTTP run: **%,d MiB** (VmRSS). Its data directory after it
        stopped: **%,.0f MiB** (%,.0f bytes per consent: record, key, state, proof, indexes).

        The consents went in through the API: each grant signed by its subject (%,d subjects) and
        posted (`POST /v1/consents`, %d keep-alive clients, each 202 after the node's synced
        write), with the node's anchorer anchoring batches of 1,000 on the dev chain meanwhile.
        Posting took %s (%,.0f grants/s; signing, done beforehand chunk by chunk, not counted);
        the whole fill %s. Anchoring after the fill: %s.
        """,
        consents,
        PER_SUBJECT,
        DATASETS,
        http.typical().samples(),
        http.typical().medianMs(),
        http.typical().p99Ms(),
        http.rawClient().samples(),
        http.rawClient().medianMs(),
        http.rawClient().p99Ms(),
        http.rawIdle().samples(),
        http.rawIdle().medianMs(),
        http.rawIdle().p99Ms(),
        granted.samples(),
        granted.medianMs(),
        granted.p99Ms(),
        none.samples(),
        none.medianMs(),
        none.p99Ms(),
        consents,
        served.rssKb() / 1024,
        dataBytes / 1048576.0,
        (double) dataBytes / consents,
        consents / PER_SUBJECT,
        clients,
        minutes(timing.posting()),
        consents / (timing.posting().toNanos() / 1e9),
        minutes(timing.total()),
        anchoring.drained()
            ? "every consent anchored"
            : anchoring.queuedConsents()
                + " consents still queued and "
                + anchoring.pendingBatches()
                + " batches unconfirmed");
  }

  private static String minutes(Duration d) {
    return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
  }
}

package io.assent.testnet.bench;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.config.NodeConfigLoader;
import io.assent.node.store.BackgroundWork;
import io.assent.node.store.StoreOperations;
import io.assent.testnet.ConsentRequests;
import io.assent.testnet.ConsentRequests.SignedGrant;
import io.assent.testnet.bench.RecoveryReference.Recovery;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * Consent ingest: signed grants per second over HTTP ({@code POST /v1/consents}, keep-alive, C
 * concurrent clients; or B grants per request to {@code POST /v1/consents/batch}, as a relay sends
 * them), each acknowledged only after the node's synced RocksDB write; beside the raw secp256k1
 * recovery rate of the same machine in the same run ({@link ConsentTypedData#recover} in a tight
 * loop, on 1 and 2 threads, for {@link RecoveryReference} each). Goal: ingest / recovery (2
 * threads) at least 0.7. The node runs in this JVM with its anchorer on (batches of 1,000 sent to
 * the dev chain while the grants arrive), as in production.
 *
 * <p>Usage: {@code IngestBenchmark [grants] [clients] [batch] [keys|recover]} (default 600,000
 * grants, 8 clients, 1 grant per request, keys; the first ones warm the node up until the JIT has
 * settled, see {@link #warmUp}, and the rest are measured). With {@code keys} each grant carries
 * its signer's public key ({@code signerKey}), as a wallet that holds the key can send it, and the
 * node verifies the grants of a request together instead of recovering each signer; with {@code
 * recover} it recovers each, as it must for wallets that send no key. Grants are signed and encoded
 * as HTTP requests before the clock starts (signing is the wallet's work, not the node's), and sent
 * over raw keep-alive sockets ({@link RawHttpConnection}) so that the client takes as little of the
 * shared CPU as it can. The report also gives CPU time per grant of the node (this JVM minus the
 * client threads) and of the client, beside the CPU time of one recovery.
 */
public final class IngestBenchmark {
  /** Grants kept whole for the reference, which its threads recover over and over. */
  private static final int REFERENCE = 8_000;

  private static final int WARM_SLICE = 10_000;
  private static final double JIT_SETTLED = 0.01;

  public static void main(String[] args) throws Exception {
    Bench.quietLogging();
    int grants = (int) Bench.positiveArgument(args, "grants", 600_000);
    int clients = (int) Bench.positiveArgument(args, 1, "clients", 8);
    int batch = (int) Bench.positiveArgument(args, 2, "batch", 1);
    boolean signerKeys = signerKeys(args);
    System.out.println("## Consent ingest\n\n" + Machine.describe() + "\n");
    try (BenchChain chain = BenchChain.start()) {
      ConsentAnchorClient anchor = chain.deployConsentAnchor();
      ConsentRequests requests = new ConsentRequests(Anvil.CHAIN_ID, anchor.address(), "dev");
      Signed signed = sign(requests, grants, signerKeys);
      Bench.progress("signed %d grants", grants);
      Recovery oneBefore = RecoveryReference.measure(requests, signed.reference(), 1);
      Recovery twoBefore = RecoveryReference.measure(requests, signed.reference(), 2);
      Bench.progress(
          "recovery: %.0f/s on 1 thread, %.0f/s on 2",
          oneBefore.perSecond(), twoBefore.perSecond());
      // The node polls the chain at its default interval here, as a node taking consents in runs
      // (the other benchmarks poll every 100 ms, to see their index catch up soon): each poll of
      // the follower costs a few milliseconds of CPU (three JSON-RPC calls), which at 100 ms was
      // ~5 µs per grant at this rate.
      Map<String, String> settings =
          Map.of(
              "contracts.consentAnchor", anchor.address(),
              "relayer.key", Anvil.DEV_KEYS.get(BenchChain.RELAYER),
              "chain.pollIntervalMs", NodeConfigLoader.DEFAULTS.get("chain.pollIntervalMs"));
      Ingest ingest;
      try (InProcessNode node = InProcessNode.start(chain, settings)) {
        // Only the requests' bytes stay: the node's collector should not have to trace the
        // benchmark's objects (a grant's object graph is ~20 objects, its request a part of one).
        List<byte[]> posts = encode(node.baseUrl(), signed.bodies(), batch);
        signed = signed.withoutBodies();
        ingest = ingest(node, posts, clients, batch, Map.of("anvil", chain.anvil().pid()));
      }
      int measured = grants - ingest.warmUp().grants();
      Bench.progress("ingest: %.0f grants/s", rate(measured, ingest.load().wallNanos()));
      // The reference again, with the node stopped: this machine's speed drifts by 20% within
      // minutes (shared VM), so the ratio takes the mean of the rates before and after.
      Recovery one = oneBefore.mean(RecoveryReference.measure(requests, signed.reference(), 1));
      Recovery two = twoBefore.mean(RecoveryReference.measure(requests, signed.reference(), 2));
      Bench.progress("recovery after: %.0f/s on 2 threads", two.after().perSecond());
      System.out.println(
          report(grants, ingest.warmUp(), clients, batch, signerKeys, ingest.load(), one, two));
      System.out.println(StoreOperationsReport.perItem(ingest.operations(), measured, "grant"));
      System.out.println();
      System.out.println(
          BackgroundWorkReport.perItem(
              ingest.windowWork(), measured, ingest.runWork(), grants, "grant"));
    }
    System.exit(0); // web3j and Vert.x leave non-daemon threads behind
  }

  /**
   * The node's part: the warm-up, then the measured load, with what the node asked of its store and
   * what RocksDB's flushes and compactions did in the measured window (and over the whole run).
   */
  private static Ingest ingest(
      InProcessNode node, List<byte[]> posts, int clients, int batch, Map<String, Long> others)
      throws InterruptedException {
    WarmUp warmUp = warmUp(node.baseUrl(), posts, clients, batch, others);
    List<byte[]> measured = posts.subList(warmUp.requests(), posts.size());
    StoreOperations.Snapshot before = node.node().storeOperations();
    BackgroundWork workBefore = node.node().storeBackgroundWork();
    Load load = post(node.baseUrl(), measured, clients, batch, others);
    StoreOperations.Snapshot operations = node.node().storeOperations().minus(before);
    BackgroundWork runWork = node.node().storeBackgroundWork();
    return new Ingest(warmUp, load, operations, runWork.minus(workBefore), runWork);
  }

  /** What {@link #ingest} measured. */
  private record Ingest(
      WarmUp warmUp,
      Load load,
      StoreOperations.Snapshot operations,
      BackgroundWork windowWork,
      BackgroundWork runWork) {}

  /**
   * How the warm-up ended: requests and grants posted, and the JIT compilers' share of CPU in its
   * last slice.
   */
  record WarmUp(int requests, int grants, double lastJitShare) {}

  /**
   * Posts grants, not measured, in slices of {@link #WARM_SLICE}, until the JIT compiler threads
   * take less than {@link #JIT_SETTLED} of the JVM's CPU in a slice, or three quarters of the
   * grants are used. A node runs for days: its throughput is what it does once compiled, and on 2
   * busy cores the C2 compiler is still at work after tens of thousands of grants (in a run with
   * 40,000 grants of warm-up it took 51–74 µs per grant in the measured window, /proc), and comes
   * back in bursts (16–18% of a slice after 210,000–230,000 grants); under 1% it stays after about
   * 280,000 grants in batches of 50 (2026-11-30).
   */
  private static WarmUp warmUp(
      String baseUrl, List<byte[]> posts, int clients, int batch, Map<String, Long> others)
      throws InterruptedException {
    int limit = posts.size() * 3 / 4;
    int slice = Math.max(1, WARM_SLICE / batch);
    int done = 0;
    double share = 1;
    while (done < limit && share >= JIT_SETTLED) {
      int to = Math.min(done + slice, limit);
      Load load = post(baseUrl, posts.subList(done, to), clients, batch, others);
      share = jitMicros(load, 1) / (load.processCpuNanos() / 1e3);
      done = to;
      Bench.progress("warm-up: %d grants, JIT %.1f%% of the CPU", done * batch, share * 100);
    }
    return new WarmUp(done, done * batch, share);
  }

  /**
   * What the wallets signed: every grant's {@code POST /v1/consents} body, in order, and the first
   * {@link #REFERENCE} grants whole, for the reference's recoveries.
   */
  record Signed(List<SignedGrant> reference, List<String> bodies) {
    Signed withoutBodies() {
      return new Signed(reference, List.of());
    }
  }

  /** The fourth argument: {@code keys} (the default) or {@code recover}. */
  private static boolean signerKeys(String[] args) {
    if (args.length < 4) {
      return true;
    }
    return switch (args[3]) {
      case "keys" -> true;
      case "recover" -> false;
      default -> throw new IllegalArgumentException("the 4th argument is 'keys' or 'recover'");
    };
  }

  private static Signed sign(ConsentRequests requests, int n, boolean signerKeys) throws Exception {
    List<Credentials> subjects = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      subjects.add(Credentials.create(Keys.createEcKeyPair()));
    }
    String dataset = ConsentRequests.randomHex32();
    long until = Instant.now().plus(Duration.ofDays(365)).getEpochSecond();
    IntFunction<SignedGrant> grant =
        i ->
            requests.grant(
                subjects.get(i % subjects.size()),
                dataset,
                List.of("ai:ModelTraining", "dpv:ScientificResearch"),
                ConsentRequests.randomHex32(),
                "EU",
                until);
    // On every core: a wallet's work, outside the measurement. Only the first grants are kept
    // whole; of the others, only what is posted.
    int whole = Math.min(n, REFERENCE);
    List<SignedGrant> reference = IntStream.range(0, whole).parallel().mapToObj(grant).toList();
    IntFunction<String> body =
        i -> {
          SignedGrant g = i < whole ? reference.get(i) : grant.apply(i);
          return signerKeys
              ? requests.bodyWithSignerKey(
                  g.grant(), g.signature(), subjects.get(i % subjects.size()))
              : g.body();
        };
    List<String> bodies = IntStream.range(0, n).parallel().mapToObj(body).toList();
    return new Signed(reference, bodies);
  }

  /** What one timed phase of posting cost: wall time, and CPU of the client threads and process. */
  record Load(
      long wallNanos,
      long clientCpuNanos,
      long processCpuNanos,
      Map<String, Double> threads,
      MachineCpu.Window machine) {}

  /**
   * Posts every request once, from {@code clients} threads, each on its own keep-alive connection;
   * each grant must be newly accepted (202, or in a batch's 200 every result {@code created}). The
   * requests are encoded before the clock starts.
   */
  private static Load post(
      String baseUrl, List<byte[]> requests, int clients, int batch, Map<String, Long> others)
      throws InterruptedException {
    URI uri = URI.create(baseUrl);
    MachineCpu machineBefore = MachineCpu.snapshot(others);
    long cpuBefore = processCpuNanos();
    ThreadCpu threadsBefore = ThreadCpu.snapshot();
    long start = System.nanoTime();
    long clientCpu =
        RawHttpConnection.postAll(
            uri.getHost(), uri.getPort(), requests, clients, allCreated(batch));
    long wall = System.nanoTime() - start;
    Map<String, Double> byThread = ThreadCpu.snapshot().since(threadsBefore);
    long processCpu = processCpuNanos() - cpuBefore;
    MachineCpu.Window machine = MachineCpu.snapshot(others).since(machineBefore);
    return new Load(wall, clientCpu, processCpu, byThread, machine);
  }

  /**
   * Single grants: 202. Batches: 200 with neither a problem (a refused grant) nor {@code
   * "created":false} (an earlier one) among the results; a search, not a parse, to spare the CPU.
   */
  private static RawHttpConnection.Expectation allCreated(int batch) {
    return response -> {
      if (batch == 1) {
        RawHttpConnection.Expectation.status(202).check(response);
      } else if (response.status() != 200
          || !response.body().contains("\"created\":true")
          || response.body().contains("\"problem\"")
          || response.body().contains("\"created\":false")) {
        throw new IllegalStateException(response.status() + " " + response.body());
      }
    };
  }

  /** One request per grant, or per {@code batch} grants ({@code POST /v1/consents/batch}). */
  private static List<byte[]> encode(String baseUrl, List<String> bodies, int batch) {
    URI uri = URI.create(baseUrl);
    String hostPort = uri.getHost() + ":" + uri.getPort();
    List<byte[]> out = new ArrayList<>();
    if (batch == 1) {
      for (String body : bodies) {
        out.add(RawHttpConnection.encodePost(hostPort, "/v1/consents", body));
      }
      return out;
    }
    for (int from = 0; from < bodies.size(); from += batch) {
      StringBuilder body = new StringBuilder("{\"grants\":[");
      for (int i = from; i < Math.min(from + batch, bodies.size()); i++) {
        body.append(i == from ? "" : ",").append(bodies.get(i));
      }
      out.add(
          RawHttpConnection.encodePost(
              hostPort, "/v1/consents/batch", body.append("]}").toString()));
    }
    return out;
  }

  /** CPU time of this whole JVM (all threads, user + system), nanoseconds. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double rate(int n, long nanos) {
    return n / (nanos / 1e9);
  }

  private static String report(
      int grants,
      WarmUp warmUp,
      int clients,
      int batch,
      boolean signerKeys,
      Load load,
      Recovery one,
      Recovery two) {
    int measured = grants - warmUp.grants();
    double ingest = rate(measured, load.wallNanos());
    return rates(clients, batch, signerKeys, ingest, one, two)
        + "\n"
        + cpu(load, measured, two)
        + "\n"
        + String.format(
            Locale.ROOT,
            """
            %s%,d grants signed beforehand, 100 subjects, one dataset. The first %,d warmed the node up
            (not measured; the JIT compiler threads took %.1f%% of the CPU in the last %,d). The
            requests are encoded before the clock starts and sent over raw keep-alive sockets.

            Where the CPU went in the measured window, per grant, by thread (Linux /proc; native
            threads included; client threads are "Thread-N"):

            | thread | CPU per grant |
            |---|---:|
            %s
            """,
            RecoveryReference.driftWarning(two) + machine(load),
            grants,
            warmUp.grants(),
            warmUp.lastJitShare() * 100,
            WARM_SLICE,
            byThread(load, measured));
  }

  /** The rates table: the reference's recoveries, the ingest, and their ratios (the goal's). */
  private static String rates(
      int clients, int batch, boolean signerKeys, double ingest, Recovery one, Recovery two) {
    return String.format(
        Locale.ROOT,
        """
        | measure | rate |
        |---|---:|
        | secp256k1 recovery (ConsentTypedData.recover), 1 thread (mean of before and after ingest: %,.0f and %,.0f) | %,.0f /s |
        | secp256k1 recovery, 2 threads (before and after: %,.0f and %,.0f) | %,.0f /s |
        | ingest over HTTP (%d clients, keep-alive, %s, %s, each acknowledged after a synced write) | %,.0f grants/s |
        | **ratio ingest / recovery (2 threads)** | **%.2f** (goal >= 0.7) |
        | ratio ingest / recovery (1 thread) | %.2f |
        """,
        one.before().perSecond(),
        one.after().perSecond(),
        one.perSecond(),
        two.before().perSecond(),
        two.after().perSecond(),
        two.perSecond(),
        clients,
        batch == 1 ? "one grant per request" : batch + " grants per request to /v1/consents/batch",
        signerKeys
            ? "signer keys sent (the node verifies a request's signatures together)"
            : "no signer keys (the node recovers each signer)",
        ingest,
        ingest / two.perSecond(),
        ingest / one.perSecond());
  }

  /** The CPU table: one recovery against one grant in the node and in the client. */
  private static String cpu(Load load, int measured, Recovery two) {
    double clientCpu = load.clientCpuNanos() / 1e3 / measured;
    double nodeCpu = (load.processCpuNanos() - load.clientCpuNanos()) / 1e3 / measured;
    return String.format(
        Locale.ROOT,
        """
        | CPU (thread and process CPU time; independent of other load on the machine) | per item |
        |---|---:|
        | one recovery (2-thread runs, mean) | %,.0f µs |
        | one grant in this JVM, except the client threads (node: HTTP, checks, write, anchorer, follower) | %,.0f µs |
        | one grant in the client threads (encoded beforehand; write, read the response) | %,.0f µs |
        | recovery / node CPU per grant | %.2f |
        | recovery / (node CPU per grant without the JIT compiler threads + client CPU per grant) | %.2f |
        """,
        two.cpuMicros(),
        nodeCpu,
        clientCpu,
        two.cpuMicros() / nodeCpu,
        two.cpuMicros() / (nodeCpu - jitMicros(load, measured) + clientCpu));
  }

  /**
   * The whole machine in the measured window: how many of its cores were busy, and with what
   * besides this JVM (the dev chain; the kernel's own threads and other processes), idle, waiting
   * for IO or stolen by the hypervisor. The reference's threads keep ~1.85 of 2 cores busy; what
   * the node does not use shows here (2026-11-30).
   */
  private static String machine(Load load) {
    MachineCpu.Window m = load.machine();
    double jvm = load.processCpuNanos() / 1e9 / (load.wallNanos() / 1e9);
    double named = m.processes().values().stream().mapToDouble(Double::doubleValue).sum();
    StringBuilder others = new StringBuilder();
    m.processes()
        .forEach(
            (name, cores) -> others.append(String.format(Locale.ROOT, ", %s %.2f", name, cores)));
    return String.format(
        Locale.ROOT,
        "The whole machine in the measured window (Linux /proc/stat, in cores of %d): busy %.2f"
            + " (this JVM %.2f%s, the rest %.2f: the kernel's own threads, such as the journal"
            + " commits behind synced writes, and other processes), idle %.2f, waiting for IO"
            + " %.2f, stolen by the hypervisor %.2f.%n%n",
        Runtime.getRuntime().availableProcessors(),
        m.busy(),
        jvm,
        others,
        Math.max(0, m.busy() - jvm - named), // /proc counts in 10 ms ticks: may dip below 0
        m.idle(),
        m.ioWait(),
        m.steal());
  }

  /** CPU per grant of the JIT compiler threads ("C1/C2 CompilerThread" folded to "CN ..."). */
  private static double jitMicros(Load load, int measured) {
    return load.threads().entrySet().stream()
            .filter(e -> e.getKey().contains("CompilerThre"))
            .mapToDouble(Map.Entry::getValue)
            .sum()
        * 1e6
        / measured;
  }

  private static String byThread(Load load, int measured) {
    StringBuilder rows = new StringBuilder();
    load.threads().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .filter(e -> e.getValue() * 1e6 / measured >= 1)
        .forEach(
            e ->
                rows.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %,.0f µs |%n",
                        e.getKey(),
                        e.getValue() * 1e6 / measured)));
    return rows.toString().strip();
  }
}

package io.assent.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.identity.DidResolver;
import io.assent.node.identity.ResolutionOptions;
import io.assent.node.identity.ResolutionResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DID resolution latency: the node's index (in process, and over HTTP) against the reference
 * did:ethr resolver reading the same dev chain over JSON-RPC, for identities with 1, 10 and 100
 * changes. Prints a markdown report; the goal is the reference taking at least 100x as long at 10
 * changes. Also checks that the node and the reference return the same resolution result for each
 * DID, so that the comparison is between equals.
 *
 * <p>Usage: {@code ResolutionBenchmark [scale]}, where scale (default 1.0) multiplies every
 * iteration count.
 */
public final class ResolutionBenchmark {
  static final int[] HISTORY_SIZES = {1, 10, 100};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final double scale;

  private ResolutionBenchmark(double scale) {
    this.scale = scale;
  }

  public static void main(String[] args) {
    Bench.quietLogging();
    double scale = Bench.positiveArgument(args, "scale", 1.0);
    System.out.println("## DID resolution\n\n" + Machine.describe() + "\n");
    List<ResolutionReport.Row> rows = new ResolutionBenchmark(scale).run();
    System.out.println(ResolutionReport.markdown(rows));
    System.exit(0); // web3j and Vert.x leave non-daemon threads behind
  }

  private int n(int iterations) {
    return Math.max(1, (int) Math.round(iterations * scale));
  }

  private List<ResolutionReport.Row> run() {
    try (BenchChain chain = BenchChain.start()) {
      long started = System.nanoTime();
      IdentityHistories histories = new IdentityHistories(chain.registry());
      Map<Integer, String> dids = new LinkedHashMap<>();
      for (int size : HISTORY_SIZES) {
        String did =
            "did:ethr:"
                + InProcessNode.NETWORK_NAME
                + ":"
                + histories.create("history-" + size, size);
        dids.put(size, did);
      }
      long head = chain.anvil().blockNumber();
      Bench.progress(
          "wrote %d identities up to block %d in %.1f s", dids.size(), head, since(started));
      try (InProcessNode node = InProcessNode.start(chain)) {
        started = System.nanoTime();
        node.awaitSynced(head, Duration.ofMinutes(2));
        Bench.progress("node synced to block %d in %.1f s", head, since(started));
        return measure(chain, node, dids);
      }
    }
  }

  private List<ResolutionReport.Row> measure(
      BenchChain chain, InProcessNode node, Map<Integer, String> dids) {
    List<String> all = List.copyOf(dids.values());
    ReferenceResolver reference =
        new ReferenceResolver(
            chain.anvil().rpcUrl(),
            Anvil.CHAIN_ID,
            chain.registry().address(),
            InProcessNode.NETWORK_NAME);
    var tuned = reference.time(all, 5, n(50), ReferenceResolver.Provider.TUNED);
    Bench.progress("reference resolver (tuned provider) timed");
    var documented = reference.time(all, 2, n(10), ReferenceResolver.Provider.DOCUMENTED);
    Bench.progress("reference resolver (documented provider) timed");
    DidResolver resolver = node.node().resolver();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (RawHttpConnection raw = connect(node)) {
      // The JIT needs thousands of calls through Vert.x and the HTTP clients to settle: warm
      // every path up on every DID before timing any, so the first DID measured is not penalized.
      for (String did : all) {
        HttpRequest request = request(node, did);
        byte[] rawRequest = rawRequest(node, did);
        Latencies.warmUp(n(5_000), () -> inProcess(resolver, did));
        Latencies.warmUp(n(3_000), () -> get(http, request));
        Latencies.warmUp(n(3_000), () -> get(raw, rawRequest));
      }
      Bench.progress("node warmed up");
      List<ResolutionReport.Row> rows = new ArrayList<>();
      for (var entry : dids.entrySet()) {
        String did = entry.getValue();
        rows.add(
            row(
                entry.getKey(),
                did,
                node,
                resolver,
                http,
                raw,
                tuned.get(did),
                documented.get(did).latency()));
        Bench.progress("%d changes: in process and HTTP timed", entry.getKey());
      }
      return rows;
    }
  }

  /**
   * One DID's row: the node's result and latency in process, over HTTP with the JDK client and with
   * the raw one, beside the reference's.
   */
  private ResolutionReport.Row row(
      int changes,
      String did,
      InProcessNode node,
      DidResolver resolver,
      HttpClient http,
      RawHttpConnection raw,
      ReferenceResolver.Timing reference,
      Latencies.Summary referenceDocumented) {
    JsonNode ours = inProcess(resolver, did).toJson();
    HttpRequest request = request(node, did);
    JsonNode overHttp = parse(get(http, request));
    byte[] rawRequest = rawRequest(node, did);
    JsonNode overRaw = parse(get(raw, rawRequest));
    JsonNode theirs = reference.result();
    Latencies.Summary inProcess = Latencies.measure(0, n(5_000), () -> inProcess(resolver, did));
    Latencies.Summary overHttpLatency = Latencies.measure(0, n(2_000), () -> get(http, request));
    Latencies.Summary rawLatency = Latencies.measure(0, n(2_000), () -> get(raw, rawRequest));
    boolean equal = ours.equals(theirs) && overHttp.equals(theirs) && overRaw.equals(theirs);
    return new ResolutionReport.Row(
        changes,
        did,
        inProcess,
        overHttpLatency,
        rawLatency,
        reference.latency(),
        referenceDocumented,
        equal,
        ours.toString().equals(theirs.toString()),
        equal
            ? null
            : "node in process: %s%nnode over HTTP: %s%nnode over HTTP, raw client: %s%n"
                .concat("reference: %s%n")
                .formatted(ours, overHttp, overRaw, theirs));
  }

  /** One keep-alive connection to the node for {@link RawHttpConnection}'s requests. */
  private static RawHttpConnection connect(InProcessNode node) {
    URI base = URI.create(node.baseUrl());
    try {
      return new RawHttpConnection(base.getHost(), base.getPort());
    } catch (IOException e) {
      throw new IllegalStateException("cannot connect to " + base, e);
    }
  }

  private static ResolutionResult inProcess(DidResolver resolver, String did) {
    ResolutionResult result = resolver.resolve(did, ResolutionOptions.latest());
    if (result.error().isPresent()) {
      throw new IllegalStateException(did + ": " + result.didResolutionMetadata());
    }
    return result;
  }

  private static HttpRequest request(InProcessNode node, String did) {
    return HttpRequest.newBuilder(
            URI.create(
                node.baseUrl()
                    + "/1.0/identifiers/"
                    + URLEncoder.encode(did, StandardCharsets.UTF_8)))
        .header("Accept", "application/did-resolution")
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private static byte[] rawRequest(InProcessNode node, String did) {
    URI base = URI.create(node.baseUrl());
    return RawHttpConnection.encodeGet(
        base.getHost() + ":" + base.getPort(),
        "/1.0/identifiers/" + URLEncoder.encode(did, StandardCharsets.UTF_8),
        "application/did-resolution");
  }

  private static String get(RawHttpConnection raw, byte[] request) {
    RawHttpConnection.Response response;
    try {
      response = raw.send(request);
    } catch (IOException e) {
      throw new IllegalStateException("raw GET: " + e.getMessage(), e);
    }
    if (response.status() != 200) {
      throw new IllegalStateException("answered " + response.status() + ": " + response.body());
    }
    return response.body();
  }

  private static String get(HttpClient http, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}

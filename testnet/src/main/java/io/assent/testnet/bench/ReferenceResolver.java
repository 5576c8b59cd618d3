package io.assent.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.testnet.Artifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The reference did:ethr resolver (ethr-did-resolver 11.1.3 over JSON-RPC), timed by {@code
 * testnet/src/main/js/bench-reference.mjs} in a Node.js process of its own.
 */
final class ReferenceResolver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_MINUTES = 5;

  /** How the reference gets its JSON-RPC provider; see the script's header. */
  enum Provider {
    TUNED("tuned"),
    DOCUMENTED("documented");

    final String id;

    Provider(String id) {
      this.id = id;
    }
  }

  /** One DID's timing and the last resolution result the reference produced for it. */
  record Timing(String did, Latencies.Summary latency, JsonNode result) {}

  private final String rpcUrl;
  private final long chainId;
  private final String registry;
  private final String networkName;

  ReferenceResolver(String rpcUrl, long chainId, String registry, String networkName) {
    this.rpcUrl = rpcUrl;
    this.chainId = chainId;
    this.registry = registry;
    this.networkName = networkName;
  }

  /** Resolves each DID {@code warmup} times, then {@code iterations} timed times. */
  Map<String, Timing> time(List<String> dids, int warmup, int iterations, Provider provider) {
    ObjectNode config = JSON.createObjectNode();
    config.put("rpcUrl", rpcUrl).put("chainId", chainId).put("registry", registry);
    config.put("networkName", networkName).put("warmup", warmup).put("iterations", iterations);
    config.put("provider", provider.id);
    dids.forEach(config.putArray("dids")::add);
    JsonNode output = run(config.toString());
    Map<String, Timing> timings = new LinkedHashMap<>();
    for (JsonNode r : output.get("results")) {
      Latencies.Summary latency =
          new Latencies.Summary(
              r.get("iterations").asInt(), r.get("medianMs").asDouble(), r.get("p99Ms").asDouble());
      timings.put(
          r.get("did").asText(), new Timing(r.get("did").asText(), latency, r.get("result")));
    }
    return timings;
  }

  private static JsonNode run(String config) {
    Path root = Artifacts.root();
    Path script = root.resolve("testnet/src/main/js/bench-reference.mjs");
    try {
      Path log = Files.createTempFile("assent-bench-reference-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder("node", script.toString(), config).redirectError(log.toFile());
      builder.environment().put("ASSENT_ROOT", root.toString());
      Process process = builder.start();
      byte[] stdout = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("reference resolver timed out");
      }
      String errors = Files.readString(log);
      Files.deleteIfExists(log);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "reference resolver failed (exit " + process.exitValue() + "): " + errors);
      }
      return JSON.readTree(new String(stdout, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliException;
import io.assent.cli.did.NodeClient;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The node's dataset endpoints (openapi.yaml, tag {@code dataset}) as the CLI uses them. The chain
 * id and the DatasetRegistry address come from {@code GET /v1/status} ({@code chainId}, {@code
 * contracts.datasetRegistry}).
 */
public final class DatasetApi implements AutoCloseable {

  private final NodeClient node;
  private JsonNode status;

  public DatasetApi(NodeClient node) {
    this.node = node;
  }

  public URI base() {
    return node.base();
  }

  public BigInteger chainId() {
    JsonNode chainId = status().path("chainId");
    if (!chainId.canConvertToLong() || chainId.asLong() <= 0) {
      throw new CliException("nodeError", "the node at " + base() + " reports no chain id");
    }
    return BigInteger.valueOf(chainId.asLong());
  }

  /** The names the node gives its chain in DIDs (e.g. {@code dev}), besides the hex chain id. */
  public Set<String> networkNames() {
    String name = status().path("networkName").asText("");
    return name.isEmpty() ? Set.of() : Set.of(name);
  }

  /** The DatasetRegistry the node indexes and relays to, lower-case. */
  public String registry() {
    String registry = status().path("contracts").path("datasetRegistry").asText("");
    if (!registry.matches("0x[0-9a-fA-F]{40}")) {
      throw new CliException(
          "noDatasetRegistry",
          "the node at " + base() + " indexes no dataset registry (contracts.datasetRegistry)");
    }
    return registry.toLowerCase(Locale.ROOT);
  }

  private JsonNode status() {
    if (status == null) {
      status = node.status();
    }
    return status;
  }

  /** {@code GET /v1/datasets/{id}}. */
  public JsonNode get(String id) {
    return node.getJson("/v1/datasets/" + id, null);
  }

  /** {@code GET /v1/datasets/{id}/history}. */
  public JsonNode history(String id) {
    return node.getJson("/v1/datasets/" + id + "/history", null);
  }

  /** {@code GET /v1/datasets?...}: one page; null parameters are left out. */
  public JsonNode list(String curator, String license, String after, Integer limit) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("curator", curator);
    query.put("license", license);
    query.put("after", after);
    query.put("limit", limit);
    return node.getJson("/v1/datasets" + query(query), null);
  }

  /** {@code GET /v1/datasets/{id}/lineage?direction=&depth=}. */
  public JsonNode lineage(String id, String direction, Integer depth) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("direction", direction);
    query.put("depth", depth);
    return node.getJson("/v1/datasets/" + id + "/lineage" + query(query), null);
  }

  /** {@code GET /v1/datasets/{id}/permits?purpose=&at=}. */
  public JsonNode permits(String id, String purpose, Long at) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("purpose", purpose);
    query.put("at", at);
    return node.getJson("/v1/datasets/" + id + "/permits" + query(query), null);
  }

  /**
   * {@code GET /v1/datasets/{id}/consent-manifest?...}: JSON Lines, signed in as the curator; each
   * line goes to {@code line} as it arrives.
   */
  public void manifest(
      String id, Map<String, Object> query, String authorization, Consumer<String> line) {
    node.getLines(
        "/v1/datasets/" + id + "/consent-manifest" + query(query),
        "application/jsonl",
        authorization,
        line);
  }

  /** {@code GET /v1/datasets/signers/{address}}: the signer's registry nonce, from the chain. */
  public BigInteger signerNonce(String signer) {
    JsonNode answer = node.getJson("/v1/datasets/signers/" + signer, null);
    String nonce = answer.path("nonce").asText("");
    if (!nonce.matches("[0-9]{1,78}")) {
      throw new CliException(
          "nodeError", "the node reported no registry nonce for " + signer + ": " + answer);
    }
    return new BigInteger(nonce);
  }

  /** {@code POST /v1/datasets/operations}: 202 {@code {txHash, datasetId}}. */
  public JsonNode relay(Object body) {
    return node.postJson("/v1/datasets/operations", body);
  }

  static String query(Map<String, Object> parameters) {
    String query =
        parameters.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(
                e ->
                    e.getKey()
                        + "="
                        + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return query.isEmpty() ? "" : "?" + query;
  }

  @Override
  public void close() {
    node.close();
  }
}

package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliException;
import io.assent.cli.did.Transport.Submission;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetTypedData;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.web3j.crypto.Credentials;

/**
 * Relays through an Assent node, which pays the gas: the key signs the operation's EIP-712 typed
 * data (domain "Assent Dataset Registry" on the node's chain and registry, with the signer's
 * registry nonce) and the node checks and sends the {@code ...Signed} transaction.
 *
 * <p>The signer's nonce comes from the chain ({@code nonces(signer)}) through the JSON-RPC endpoint
 * of the {@code rpc} setting or {@code --rpc} (read only) when one is set, else from the node.
 *
 * <p>HTTP calls: {@code GET /v1/status} (chain id, {@code contracts.datasetRegistry}), {@code GET
 * /v1/datasets/signers/{address}}, {@code POST /v1/datasets/operations}.
 */
final class NodeDatasetTransport implements DatasetTransport {

  private final DatasetApi api;
  private final String expectedRegistry;
  private final URI rpc;
  private final Duration timeout;

  /**
   * @param expectedRegistry {@code --dataset-registry}, or null
   * @param rpc a JSON-RPC endpoint to read the nonce from, or null
   */
  NodeDatasetTransport(DatasetApi api, String expectedRegistry, URI rpc, Duration timeout) {
    this.api = api;
    this.expectedRegistry = expectedRegistry;
    this.rpc = rpc;
    this.timeout = timeout;
  }

  @Override
  public String describe() {
    return "node " + api.base();
  }

  @Override
  public BigInteger chainId() {
    return api.chainId();
  }

  @Override
  public Set<String> networkNames() {
    return api.networkNames();
  }

  /** The node's registry, which must be {@code --dataset-registry} if one was given. */
  String registry() {
    String registry = api.registry();
    if (expectedRegistry != null && !expectedRegistry.equals(registry)) {
      throw new CliException(
          "registryMismatch",
          describe()
              + " relays to DatasetRegistry "
              + registry
              + ", not "
              + expectedRegistry
              + " (--dataset-registry)");
    }
    return registry;
  }

  @Override
  public Submission submit(DatasetOperation op, Credentials key) {
    String registry = registry();
    Eip712Domain domain = Eip712Domain.datasetRegistry(chainId().longValueExact(), registry);
    String signer = key.getAddress().toLowerCase(Locale.ROOT);
    BigInteger nonce = nonce(registry, signer);
    String signature = DatasetTypedData.sign(domain, op, nonce, key);
    JsonNode answer = api.relay(body(op, signer, nonce, signature));
    String hash = answer.path("txHash").asText("");
    if (hash.isEmpty()) {
      throw new CliException(
          "nodeError", "the node accepted the operation but sent no transaction hash");
    }
    return new Submission(hash, null, null, describe());
  }

  /**
   * The signer's registry nonce: read from the chain through {@code rpc} when one is given
   * (trusting no node for it), else from the node ({@code GET /v1/datasets/signers/{address}}).
   * Either way the node checks it again before paying gas.
   */
  private BigInteger nonce(String registry, String signer) {
    if (rpc == null) {
      return api.signerNonce(signer);
    }
    try (RpcDatasetTransport chain = new RpcDatasetTransport(rpc, registry, timeout)) {
      return chain.nonce(signer);
    }
  }

  /** The request body of {@code POST /v1/datasets/operations}. */
  static Map<String, Object> body(
      DatasetOperation op, String signer, BigInteger nonce, String signature) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("type", op.type());
    switch (op) {
      case DatasetOperation.Register r -> {
        operation.put("curator", r.curator());
        operation.put("name", r.name());
        operation.put("version", r.version());
        operation.put("contentDigest", r.contentDigest());
        operation.put("metadataDigest", r.metadataDigest());
        operation.put("metadataUri", r.metadataUri());
        operation.put("license", r.license());
        operation.put("parents", r.parents());
      }
      case DatasetOperation.UpdateLicense u -> {
        operation.put("dataset", u.dataset());
        operation.put("license", u.license());
      }
      case DatasetOperation.Deprecate d -> {
        operation.put("dataset", d.dataset());
        operation.put("reason", d.reason());
      }
      case DatasetOperation.TransferCuratorship t -> {
        operation.put("dataset", t.dataset());
        operation.put("newCurator", t.newCurator());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("operation", operation);
    body.put("signer", signer);
    body.put("nonce", nonce.toString());
    body.put("signature", signature);
    return body;
  }

  @Override
  public void close() {
    api.close();
  }
}

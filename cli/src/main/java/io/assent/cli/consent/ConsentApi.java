package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliException;
import io.assent.cli.did.NodeClient;
import io.assent.contracts.consent.Eip712Domain;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.web3j.crypto.Credentials;

/**
 * The node's consent endpoints, as the CLI uses them. The EIP-712 domain (chain id, ConsentAnchor
 * address) comes from {@code GET /v1/status} ({@code chainId}, {@code contracts.consentAnchor}).
 */
public final class ConsentApi implements AutoCloseable {

  /** Where signatures are valid: the chain and the ConsentAnchor contract. */
  public record Domain(BigInteger chainId, String consentAnchor) {
    public Eip712Domain eip712() {
      return Eip712Domain.assent(chainId.longValueExact(), consentAnchor);
    }
  }

  private final NodeClient node;
  private final BigInteger expectedChainId;
  private Domain domain;
  private JsonNode status;

  private final String expectedAnchor;

  ConsentApi(URI node, BigInteger expectedChainId, String expectedAnchor, Duration timeout) {
    this.node = new NodeClient(node, timeout);
    this.expectedChainId = expectedChainId;
    this.expectedAnchor =
        expectedAnchor == null ? null : expectedAnchor.toLowerCase(java.util.Locale.ROOT);
  }

  public URI base() {
    return node.base();
  }

  /** The node's chain and ConsentAnchor, checked against {@code --chain-id}. */
  public Domain domain() {
    if (domain == null) {
      JsonNode status = status();
      JsonNode chainId = status.path("chainId");
      if (!chainId.canConvertToLong() || chainId.asLong() <= 0) {
        throw new CliException("nodeError", "the node at " + base() + " reports no chain id");
      }
      BigInteger actual = BigInteger.valueOf(chainId.asLong());
      if (expectedChainId != null && !expectedChainId.equals(actual)) {
        throw new CliException(
            "chainMismatch",
            "node "
                + base()
                + " is on chain "
                + actual
                + ", not on chain "
                + expectedChainId
                + " (--chain-id)");
      }
      String anchor = consentAnchor(status);
      domain = new Domain(actual, anchor);
    }
    return domain;
  }

  /** The node's ConsentAnchor, which must agree with {@code --anchor}; or {@code --anchor}. */
  private String consentAnchor(JsonNode status) {
    String reported = status.path("contracts").path("consentAnchor").asText("");
    if (!reported.matches("0x[0-9a-fA-F]{40}")) {
      if (expectedAnchor != null) {
        return expectedAnchor;
      }
      throw new CliException(
          "nodeError",
          "the node at "
              + base()
              + " reports no ConsentAnchor contract; name it with --anchor ADDR");
    }
    reported = reported.toLowerCase(java.util.Locale.ROOT);
    if (expectedAnchor != null && !expectedAnchor.equals(reported)) {
      throw new CliException(
          "anchorMismatch",
          "node "
              + base()
              + " uses ConsentAnchor "
              + reported
              + ", not "
              + expectedAnchor
              + " (--anchor)");
    }
    return reported;
  }

  /** The names the node gives its chain in DIDs (e.g. {@code dev}), besides the hex chain id. */
  public Set<String> networkNames() {
    String name = status().path("networkName").asText("");
    return name.isEmpty() ? Set.of() : Set.of(name);
  }

  private JsonNode status() {
    if (status == null) {
      status = node.status();
    }
    return status;
  }

  public JsonNode postGrant(Object body) {
    return node.postJson("/v1/consents", body);
  }

  public JsonNode postWithdrawal(String consentId, Object body) {
    return node.postJson("/v1/consents/" + consentId + "/withdrawal", body);
  }

  public JsonNode postErasure(String consentId, Object body) {
    return node.postJson("/v1/consents/" + consentId + "/erasure", body);
  }

  /** Public status of a consent. */
  public JsonNode status(String consentId) {
    return node.getJson("/v1/consents/" + consentId, null);
  }

  /** The subject's consents; signed in as {@code key}. */
  public JsonNode list(String did, Credentials key) {
    return node.getJson(
        "/v1/subjects/" + NodeClient.pathSegment(did) + "/consents", authorization(key));
  }

  /** The receipt of a consent; signed in as {@code key}. */
  public JsonNode receipt(String consentId, Credentials key) {
    return node.getJson("/v1/consents/" + consentId + "/receipt", authorization(key));
  }

  public JsonNode check(Map<String, String> query) {
    String encoded =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return node.getJson("/v1/consents/check?" + encoded, null);
  }

  private String authorization(Credentials key) {
    return Siwe.authorize(base(), domain().chainId(), key);
  }

  @Override
  public void close() {
    node.close();
  }
}

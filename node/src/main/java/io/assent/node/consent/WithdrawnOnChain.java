package io.assent.node.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * {@code ANCHOR_WITHDRAWN[id]} as the anchor indexer writes it: where the withdrawal was anchored.
 */
public record WithdrawnOnChain(long blockNumber, String txHash, String root) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Lenient: the indexer owns this format; unknown parts read as empty. */
  static WithdrawnOnChain decode(byte[] bytes) {
    try {
      JsonNode json = MAPPER.readTree(bytes);
      return new WithdrawnOnChain(
          json.path("blockNumber").asLong(),
          json.path("txHash").asText(""),
          json.path("root").asText(""));
    } catch (IOException | RuntimeException e) {
      return new WithdrawnOnChain(0, "", "");
    }
  }
}

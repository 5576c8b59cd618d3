package io.assent.node.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a leaf was anchored: {@code CONSENT_STATE[id ‖ 'A']}, written by the anchorer once its
 * batch is confirmed (JSON {@code {root, index, proof, txHash, blockNumber, blockHash}}).
 */
public record AnchorProof(
    String root,
    long index,
    List<String> proof,
    String txHash,
    long blockNumber,
    String blockHash) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static AnchorProof decode(byte[] bytes) {
    try {
      JsonNode json = MAPPER.readTree(bytes);
      List<String> proof = new ArrayList<>();
      json.path("proof").forEach(p -> proof.add(p.asText()));
      return new AnchorProof(
          json.path("root").asText(),
          json.path("index").asLong(),
          List.copyOf(proof),
          json.path("txHash").asText(),
          json.path("blockNumber").asLong(),
          json.path("blockHash").asText());
    } catch (IOException e) {
      throw new IllegalStateException("unreadable anchor proof", e);
    }
  }
}

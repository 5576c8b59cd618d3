package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.json.Jcs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record's JSON-LD shape is a contract with every receipt verifier: pinned by a golden file.
 */
class ConsentRecordTest {
  private static final Grant GRANT =
      new Grant(
          "did:ethr:dev:0x7e5f4552091a69125d5dfcb7b8c2659029395bdf",
          "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf",
          "0x" + "d5".repeat(32),
          List.of("ai:ModelTraining", "dpv:ScientificResearch"),
          "dpv:Use",
          "dpv:Consent",
          "0x" + "ab".repeat(32),
          "v3",
          "EU",
          1_800_000_000L,
          1_900_000_000L,
          "0x" + "01".repeat(32));

  private static ObjectNode record() {
    return ConsentRecord.build(
        GRANT,
        new SigningDomain(31337, "0x" + "c0".repeat(20)),
        "0x" + "5a".repeat(65),
        "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf",
        "owner",
        Instant.ofEpochSecond(1_800_000_123L));
  }

  @Test
  void canonicalFormMatchesTheGoldenFile() throws IOException {
    String canonical = new String(Jcs.canonicalize(record()), StandardCharsets.UTF_8);
    try (InputStream in = getClass().getResourceAsStream("/consent/record-golden.json")) {
      String golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(canonical).isEqualTo(golden);
    }
  }

  @Test
  void theSignedGrantIsRecoverableFromTheRecord() {
    assertThat(ConsentRecord.grantOf(record())).isEqualTo(GRANT);
  }

  @Test
  void theLeafDependsOnTheSalt() {
    byte[] canonical = Jcs.canonicalize(record());
    assertThat(ConsentLeaf.withRandomSalt(canonical).consentId())
        .isNotEqualTo(ConsentLeaf.withRandomSalt(canonical).consentId());
    ConsentLeaf leaf = ConsentLeaf.withRandomSalt(canonical);
    assertThat(ConsentLeaf.fromPreimage(leaf.preimage()).consentId()).isEqualTo(leaf.consentId());
  }
}

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
  void theDirectCanonicalFormIsJcsOfTheTreeForAnyGrant() {
    SigningDomain domain = new SigningDomain(31337, "0x" + "c0".repeat(20));
    Instant received = Instant.ofEpochSecond(1_800_000_123L);
    assertThat(
            ConsentRecord.canonical(
                GRANT, domain, "0x" + "5a".repeat(65), GRANT.subject(), "owner", received))
        .isEqualTo(Jcs.canonicalize(record()));

    // Strings JCS escapes or keeps as they are, numbers past 2^53, no purpose, null members.
    List<String> texts =
        List.of(
            "",
            "a\"b",
            "back\\slash",
            "tab\there",
            "nul\u0000 bell\u0007",
            "line\nfeed\r",
            "é ü ß",
            "\u20ac 😀",
            "\u2028\u2029",
            "</script>",
            "\u007f");
    java.util.Random random = new java.util.Random(27560);
    for (int n = 0; n < 500; n++) {
      List<String> purposes = new java.util.ArrayList<>();
      for (int p = random.nextInt(4); p > 0; p--) {
        purposes.add(pick(texts, random));
      }
      Grant grant =
          new Grant(
              pick(texts, random),
              pick(texts, random),
              pick(texts, random),
              purposes,
              pick(texts, random),
              pick(texts, random),
              pick(texts, random),
              random.nextInt(10) == 0 ? null : pick(texts, random),
              pick(texts, random),
              random.nextBoolean() ? random.nextLong() : random.nextInt(),
              random.nextBoolean() ? (1L << 53) + random.nextInt(1000) : 0,
              pick(texts, random));
      SigningDomain d = new SigningDomain(random.nextLong(), pick(texts, random));
      Instant at = Instant.ofEpochSecond(random.nextLong(1L << 40));
      String signature = pick(texts, random);
      String signer = pick(texts, random);
      String role = pick(texts, random);
      assertThat(new String(ConsentRecord.canonical(grant, d, signature, signer, role, at), UTF8))
          .as("grant %d", n)
          .isEqualTo(
              new String(
                  Jcs.canonicalize(ConsentRecord.build(grant, d, signature, signer, role, at)),
                  UTF8));
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static String pick(List<String> texts, java.util.Random random) {
    return texts.get(random.nextInt(texts.size())) + random.nextInt(100);
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

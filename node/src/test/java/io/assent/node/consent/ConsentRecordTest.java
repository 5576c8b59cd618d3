package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
    return tree(
        GRANT,
        new SigningDomain(31337, "0x" + "c0".repeat(20)),
        "0x" + "5a".repeat(65),
        "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf",
        "owner",
        Instant.ofEpochSecond(1_800_000_123L));
  }

  /**
   * The record as a JSON-LD tree, member by member: the readable statement of its shape, whose JCS
   * form {@link ConsentRecord#canonical} must write.
   */
  private static ObjectNode tree(
      Grant grant,
      SigningDomain domain,
      String signature,
      String signer,
      String signerRole,
      Instant receivedAt) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    ObjectNode context = record.putObject("@context");
    context.put("dpv", "https://w3id.org/dpv#");
    context.put("ai", "https://w3id.org/dpv/ai#");
    context.put("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#");
    record.put("@type", "dpv:ConsentRecord");
    record.put("schemaVersion", ConsentRecord.SCHEMA_VERSION);
    record.put("piiPrincipal", grant.subjectDid());
    record.put("dataset", grant.dataset());
    ObjectNode processing = record.putObject("processing");
    ArrayNode purposes = processing.putArray("dpv:hasPurpose");
    grant.purposes().forEach(purposes::add);
    processing.put("dpv:hasProcessing", grant.processing());
    processing.put("dpv:hasLegalBasis", grant.legalBasis());
    processing.put("dpv:hasJurisdiction", grant.jurisdiction());
    processing
        .putObject("privacyNotice")
        .put("digest", grant.noticeDigest())
        .put("version", grant.noticeVersion());
    processing.putArray("dpv:hasDataController");
    ObjectNode event = record.putObject("event");
    event.put("eventTime", receivedAt.getEpochSecond());
    event.put("validFrom", grant.validFrom());
    event.put("validUntil", grant.validUntil());
    event.put("dpv:hasConsentStatus", "dpv:ConsentGiven");
    event.put("dpv:hasIndicationMethod", "dpv:ExpressedConsent");
    event.put("indicationMethodDetail", "EIP-712 signature");
    event.put("dpv:isIndicatedBy", grant.subjectDid());
    ObjectNode sig = record.putObject("signature");
    sig.put("type", "EIP712");
    sig.put("primaryType", "ConsentGrant");
    sig.putObject("domain")
        .put("name", SigningDomain.NAME)
        .put("version", SigningDomain.VERSION)
        .put("chainId", domain.chainId())
        .put("verifyingContract", domain.verifyingContract());
    sig.put("subject", grant.subject());
    sig.put("nonce", grant.nonce());
    sig.put("value", signature);
    sig.put("signer", signer);
    sig.put("signerRole", signerRole);
    return record;
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
              new String(Jcs.canonicalize(tree(grant, d, signature, signer, role, at)), UTF8));
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

package io.assent.node.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.json.Jcs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The consent record: the ISO/IEC TS 27560 structure (metadata, PII principal, processing, event)
 * as JSON-LD with W3C DPV terms, plus the subject's EIP-712 signature and its signer. It holds only
 * strings, integers, arrays and objects, so its {@link io.assent.contracts.json.Jcs} form is
 * stable.
 *
 * <p>The 27560 "record id" is the consent id, which is the leaf of this very record, so it cannot
 * be inside it: it travels beside the record ({@code {consentId, record}}) in every API answer and
 * receipt.
 */
public final class ConsentRecord {
  public static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023; assent-consent-record/1";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ConsentRecord() {}

  /**
   * @param signer the address that signed (the subject's owner or a delegate)
   * @param signerRole {@code owner}, {@code sigAuth} or {@code veriKey}
   */
  public static ObjectNode build(
      Grant grant,
      SigningDomain domain,
      String signature,
      String signer,
      String signerRole,
      Instant receivedAt) {
    ObjectNode record = JSON.objectNode();
    ObjectNode context = record.putObject("@context");
    context.put("dpv", "https://w3id.org/dpv#");
    context.put("ai", "https://w3id.org/dpv/ai#");
    context.put("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#");
    record.put("@type", "dpv:ConsentRecord");
    record.put("schemaVersion", SCHEMA_VERSION);
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

  /**
   * The {@link Jcs} form of {@link #build}'s record, written directly: the same bytes (tested
   * against {@code Jcs.canonicalize(build(...))}), without building the tree and sorting its
   * members for every grant (the tree and JCS took ~6% of the API threads' CPU in the ingest
   * benchmark, JFR, 2026-11-30). Members in JCS order: UTF-16 code units of their names.
   */
  public static byte[] canonical(
      Grant grant,
      SigningDomain domain,
      String signature,
      String signer,
      String signerRole,
      Instant receivedAt) {
    StringBuilder out = new StringBuilder(1280);
    out.append(
            "{\"@context\":{\"ai\":\"https://w3id.org/dpv/ai#\",\"dpv\":\"https://w3id.org/dpv#\",")
        .append("\"eu-gdpr\":\"https://w3id.org/dpv/legal/eu/gdpr#\"},")
        .append("\"@type\":\"dpv:ConsentRecord\",\"dataset\":");
    text(out, grant.dataset());
    out.append(",\"event\":{\"dpv:hasConsentStatus\":\"dpv:ConsentGiven\",")
        .append("\"dpv:hasIndicationMethod\":\"dpv:ExpressedConsent\",\"dpv:isIndicatedBy\":");
    text(out, grant.subjectDid());
    out.append(",\"eventTime\":")
        .append(Jcs.integer(receivedAt.getEpochSecond()))
        .append(",\"indicationMethodDetail\":\"EIP-712 signature\",\"validFrom\":")
        .append(Jcs.integer(grant.validFrom()))
        .append(",\"validUntil\":")
        .append(Jcs.integer(grant.validUntil()))
        .append("},\"piiPrincipal\":");
    text(out, grant.subjectDid());
    out.append(",\"processing\":{\"dpv:hasDataController\":[],\"dpv:hasJurisdiction\":");
    text(out, grant.jurisdiction());
    out.append(",\"dpv:hasLegalBasis\":");
    text(out, grant.legalBasis());
    out.append(",\"dpv:hasProcessing\":");
    text(out, grant.processing());
    out.append(",\"dpv:hasPurpose\":[");
    for (int i = 0; i < grant.purposes().size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      text(out, grant.purposes().get(i));
    }
    out.append("],\"privacyNotice\":{\"digest\":");
    text(out, grant.noticeDigest());
    out.append(",\"version\":");
    text(out, grant.noticeVersion());
    out.append("}},\"schemaVersion\":");
    text(out, SCHEMA_VERSION);
    out.append(",\"signature\":{\"domain\":{\"chainId\":")
        .append(Jcs.integer(domain.chainId()))
        .append(",\"name\":");
    text(out, SigningDomain.NAME);
    out.append(",\"verifyingContract\":");
    text(out, domain.verifyingContract());
    out.append(",\"version\":");
    text(out, SigningDomain.VERSION);
    out.append("},\"nonce\":");
    text(out, grant.nonce());
    out.append(",\"primaryType\":\"ConsentGrant\",\"signer\":");
    text(out, signer);
    out.append(",\"signerRole\":");
    text(out, signerRole);
    out.append(",\"subject\":");
    text(out, grant.subject());
    out.append(",\"type\":\"EIP712\",\"value\":");
    text(out, signature);
    return out.append("}}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A string member's value as {@link #build} puts it: null as JSON null. */
  private static void text(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
    } else {
      Jcs.appendString(out, value);
    }
  }

  /** The grant a record was built from (what the subject signed). */
  public static Grant grantOf(ObjectNode record) {
    JsonNode processing = record.path("processing");
    JsonNode event = record.path("event");
    java.util.List<String> purposes = new java.util.ArrayList<>();
    processing.path("dpv:hasPurpose").forEach(p -> purposes.add(p.asText()));
    return new Grant(
        record.path("piiPrincipal").asText(),
        record.at("/signature/subject").asText(),
        record.path("dataset").asText(),
        purposes,
        processing.path("dpv:hasProcessing").asText(),
        processing.path("dpv:hasLegalBasis").asText(),
        processing.at("/privacyNotice/digest").asText(),
        processing.at("/privacyNotice/version").asText(),
        processing.path("dpv:hasJurisdiction").asText(),
        event.path("validFrom").asLong(),
        event.path("validUntil").asLong(),
        record.at("/signature/nonce").asText());
  }

  /** Parses a record's canonical bytes back into a tree. */
  public static ObjectNode parse(byte[] canonical) {
    try {
      JsonNode node = MAPPER.readTree(canonical);
      return (ObjectNode) node;
    } catch (IOException | ClassCastException e) {
      throw new IllegalStateException("stored consent record is not a JSON object", e);
    }
  }
}

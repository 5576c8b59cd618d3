package io.assent.node.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ConsentRecord() {}

  /**
   * The record's canonical ({@link Jcs}) form, written directly in JCS member order (UTF-16 code
   * units of the names), without building a JSON tree and sorting its members for every grant (the
   * tree and JCS took ~6% of the API threads' CPU in the ingest benchmark, JFR, 2026-11-30). A test
   * pins it against the JCS of the same record built as a tree.
   *
   * @param signer the address that signed (the subject's owner or a delegate)
   * @param signerRole {@code owner}, {@code sigAuth} or {@code veriKey}
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
    out.append(",\"event\":");
    event(out, grant, receivedAt);
    out.append(",\"piiPrincipal\":");
    text(out, grant.subjectDid());
    out.append(",\"processing\":");
    processing(out, grant);
    out.append(",\"schemaVersion\":");
    text(out, SCHEMA_VERSION);
    out.append(",\"signature\":");
    signature(out, grant, domain, signature, signer, signerRole);
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The 27560 consent event: when, for how long, how it was given and by whom. */
  private static void event(StringBuilder out, Grant grant, Instant receivedAt) {
    out.append("{\"dpv:hasConsentStatus\":\"dpv:ConsentGiven\",")
        .append("\"dpv:hasIndicationMethod\":\"dpv:ExpressedConsent\",\"dpv:isIndicatedBy\":");
    text(out, grant.subjectDid());
    out.append(",\"eventTime\":")
        .append(Jcs.integer(receivedAt.getEpochSecond()))
        .append(",\"indicationMethodDetail\":\"EIP-712 signature\",\"validFrom\":")
        .append(Jcs.integer(grant.validFrom()))
        .append(",\"validUntil\":")
        .append(Jcs.integer(grant.validUntil()))
        .append('}');
  }

  /** The processing consented to: purposes, processing, legal basis, jurisdiction, notice. */
  private static void processing(StringBuilder out, Grant grant) {
    out.append("{\"dpv:hasDataController\":[],\"dpv:hasJurisdiction\":");
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
    out.append("}}");
  }

  /** The subject's EIP-712 signature: its domain, the signed nonce and subject, its signer. */
  private static void signature(
      StringBuilder out,
      Grant grant,
      SigningDomain domain,
      String signature,
      String signer,
      String signerRole) {
    out.append("{\"domain\":{\"chainId\":")
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
    out.append('}');
  }

  /** A string member's value; null as JSON null (as a tree would hold it). */
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

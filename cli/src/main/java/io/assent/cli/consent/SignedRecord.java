package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.Eip712Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signed grant inside a consent record (the node's ISO 27560/DPV record: {@code piiPrincipal},
 * {@code dataset}, {@code processing{dpv:hasPurpose, ...}}, {@code event{validFrom, validUntil}},
 * {@code signature{domain, subject, nonce, value, signer}}), rebuilt as the EIP-712 message the
 * subject signed. Verifying the signature over this rebuilt message binds it to the record's own
 * content, not to typed data that the receipt could dress up separately.
 */
record SignedRecord(Eip712Domain domain, ConsentGrant grant, String signature, String signer) {

  /** The signed grant, or empty if the record lacks a part or a part is malformed. */
  static Optional<SignedRecord> of(JsonNode record) {
    if (record == null) {
      return Optional.empty();
    }
    JsonNode sig = record.path("signature");
    JsonNode processing = record.path("processing");
    JsonNode notice = processing.path("privacyNotice");
    JsonNode event = record.path("event");
    try {
      JsonNode domain = sig.path("domain");
      List<String> purposes = new ArrayList<>();
      processing.path("dpv:hasPurpose").forEach(p -> purposes.add(p.asText()));
      ConsentGrant grant =
          new ConsentGrant(
              sig.path("subject").asText(),
              record.path("dataset").asText(),
              purposes,
              text(processing, "dpv:hasProcessing"),
              text(processing, "dpv:hasLegalBasis"),
              notice.path("digest").asText(),
              text(notice, "version"),
              text(processing, "dpv:hasJurisdiction"),
              number(event, "validFrom"),
              number(event, "validUntil"),
              sig.path("nonce").asText());
      return Optional.of(
          new SignedRecord(
              new Eip712Domain(
                  text(domain, "name"),
                  text(domain, "version"),
                  number(domain, "chainId"),
                  domain.path("verifyingContract").asText()),
              grant,
              text(sig, "value"),
              text(sig, "signer")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("record has no text " + field);
    }
    return value.textValue();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
      throw new IllegalArgumentException("record has no integer " + field);
    }
    return value.asLong();
  }
}

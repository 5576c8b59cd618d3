package io.assent.node.api;

import io.assent.node.anchor.LeafAnchor;
import io.assent.node.consent.CheckResult;
import io.assent.node.consent.ConsentRecord;
import io.assent.node.consent.ConsentStatus;
import io.assent.node.consent.ConsentSummary;
import io.assent.node.consent.Eip712ConsentSignatures;
import io.assent.node.consent.StoredRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.web3j.utils.Numeric;

/** JSON shapes of the consent API's answers (see openapi.yaml). */
final class ConsentJson {
  private ConsentJson() {}

  static JsonObject status(ConsentStatus status) {
    JsonObject json =
        new JsonObject().put("consentId", status.consentId()).put("status", status.status());
    status.anchor().ifPresent(a -> json.put("anchor", anchor(a)));
    if (status.withdrawalTime().isPresent() || status.withdrawnOnChain().isPresent()) {
      JsonObject w = new JsonObject();
      status.withdrawalTime().ifPresent(t -> w.put("time", t));
      w.put("anchored", status.withdrawnOnChain().isPresent());
      status
          .withdrawnOnChain()
          .ifPresent(
              c ->
                  w.put("root", c.root())
                      .put("txHash", c.txHash())
                      .put("blockNumber", c.blockNumber()));
      json.put("withdrawal", w);
    }
    return json;
  }

  static JsonObject anchor(LeafAnchor a) {
    return new JsonObject()
        .put("root", a.root())
        .put("index", a.index())
        .put("proof", hexes(a.proof()))
        .put("txHash", a.txHash())
        .put("blockNumber", a.blockNumber())
        .put("blockHash", a.blockHash());
  }

  static JsonArray hexes(List<byte[]> hashes) {
    JsonArray out = new JsonArray();
    hashes.forEach(h -> out.add(Numeric.toHexString(h)));
    return out;
  }

  static JsonObject check(CheckResult result) {
    JsonArray evidence = new JsonArray();
    for (CheckResult.Evidence e : result.evidence()) {
      evidence.add(
          new JsonObject()
              .put("consentId", e.consentId())
              .put("kind", e.kind())
              .put("root", e.root())
              .put("txHash", e.txHash())
              .put("blockNumber", e.blockNumber())
              .put("proof", new JsonArray(e.proof())));
    }
    return new JsonObject()
        .put("permitted", result.permitted())
        .put("reason", result.reason())
        .put("anchored", result.anchored())
        .put("consentIds", new JsonArray(result.consentIds()))
        .put("evidence", evidence);
  }

  static JsonObject summary(ConsentSummary s) {
    return new JsonObject()
        .put("consentId", s.consentId())
        .put("status", s.status())
        .put("dataset", s.dataset())
        .put("purposes", new JsonArray(s.purposes()))
        .put("validFrom", s.validFrom())
        .put("validUntil", s.validUntil())
        .put("acceptedAt", s.acceptedAt());
  }

  static JsonObject record(StoredRecord r) {
    return new JsonObject()
        .put("consentId", r.consentId())
        .put("status", r.status().status())
        .put("salt", r.salt())
        .put("record", new JsonObject(r.record().toString()));
  }

  /**
   * The consent receipt: a W3C VC 2.0-shaped JSON-LD document (unsigned by the node; its content is
   * attested by the subject's EIP-712 signature and the chain) holding what a verifier needs.
   */
  static JsonObject receipt(StoredRecord r, LeafAnchor anchor, Eip712ConsentSignatures signatures) {
    JsonObject record = new JsonObject(r.record().toString());
    String subjectDid = record.getString("piiPrincipal");
    JsonObject signature = record.getJsonObject("signature");
    JsonObject proof =
        anchor(anchor)
            .put("type", "AssentConsentAnchor")
            .put("leaf", r.consentId())
            .put("chainId", signatures.domain().chainId())
            .put("consentAnchor", signatures.domain().verifyingContract())
            .put(
                "typedData",
                new JsonObject(signatures.typedDataJson(ConsentRecord.grantOf(r.record()))))
            .put("signature", signature.getString("value"))
            .put("signer", signature.getString("signer"));
    long eventTime = record.getJsonObject("event").getLong("eventTime");
    return new JsonObject()
        .put(
            "@context",
            new JsonArray()
                .add("https://www.w3.org/ns/credentials/v2")
                .add(
                    new JsonObject()
                        .put("dpv", "https://w3id.org/dpv#")
                        .put("ai", "https://w3id.org/dpv/ai#")))
        .put("id", "urn:assent:consent:" + r.consentId())
        .put("type", new JsonArray().add("VerifiableCredential").add("ConsentReceipt"))
        .put("issuer", subjectDid)
        .put("validFrom", Instant.ofEpochSecond(eventTime).toString())
        .put(
            "credentialSubject",
            new JsonObject()
                .put("id", subjectDid)
                .put("consentId", r.consentId())
                .put("status", r.status().status())
                .put("salt", r.salt())
                .put("record", record))
        .put("evidence", new JsonArray().add(proof));
  }
}

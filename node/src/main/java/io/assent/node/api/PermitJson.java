package io.assent.node.api;

import io.assent.node.consent.DatasetConsentSummary;
import io.assent.node.consent.ManifestEntry;
import io.assent.node.consent.WithdrawnConsent;
import io.assent.node.dataset.permit.Permit;
import io.assent.node.dataset.permit.PermitEvidence;
import io.assent.node.dataset.permit.PermitReason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON of permits and of consent-manifest lines (field names are a contract with the CLI). */
final class PermitJson {
  private PermitJson() {}

  static JsonObject permit(Permit p) {
    JsonArray reasons = new JsonArray();
    p.reasons().forEach(r -> reasons.add(reason(r)));
    return new JsonObject()
        .put("dataset", p.dataset())
        .put("purpose", p.purpose().id())
        .put("at", p.at())
        .put("decision", p.decision().id())
        .put("conditions", new JsonArray(p.conditions()))
        .put("reasons", reasons)
        .put("consents", consents(p.consents(), p))
        .put("evidence", evidence(p.evidence()));
  }

  private static JsonObject reason(PermitReason r) {
    return new JsonObject()
        .put("kind", r.kind())
        .put("dataset", r.dataset())
        .put("license", r.license())
        .put("verdict", r.verdict().id())
        .put("conditions", new JsonArray(r.conditions()))
        .put("detail", r.detail());
  }

  private static JsonObject consents(DatasetConsentSummary s, Permit p) {
    return new JsonObject()
        .put("total", s.total())
        .put("valid", s.valid())
        .put("pending", s.pending())
        .put("withdrawn", s.withdrawn())
        .put("expired", s.expired())
        .put("erased", s.erased())
        .put("consentPurposes", new JsonArray(p.consentPurposes()));
  }

  private static JsonObject evidence(PermitEvidence e) {
    JsonArray registrations = new JsonArray();
    e.registrations().forEach(f -> registrations.add(fact(f)));
    JsonArray changes = new JsonArray();
    e.licenseChanges().forEach(f -> changes.add(fact(f).put("license", f.license())));
    JsonArray anchors = new JsonArray();
    e.anchors()
        .forEach(
            a ->
                anchors.add(
                    new JsonObject()
                        .put("root", a.root())
                        .put("txHash", a.txHash())
                        .put("blockNumber", a.blockNumber())));
    return new JsonObject()
        .put("registrations", registrations)
        .put("licenseChanges", changes)
        .put("anchors", anchors);
  }

  private static JsonObject fact(PermitEvidence.ChainFact f) {
    return new JsonObject()
        .put("dataset", f.dataset())
        .put("txHash", f.txHash())
        .put("blockNumber", f.blockNumber())
        .put("logIndex", f.logIndex());
  }

  /** One JSON Lines record of a valid anchored consent. */
  static JsonObject manifestLine(ManifestEntry e) {
    return new JsonObject()
        .put("consentId", e.consentId())
        .put("leaf", e.consentId())
        .put("root", e.root())
        .put("index", e.index())
        .put("proof", new JsonArray(e.proof()))
        .put("txHash", e.txHash())
        .put("blockNumber", e.blockNumber())
        .put("validFrom", e.validFrom())
        .put("validUntil", e.validUntil())
        .put("purposes", new JsonArray(e.purposes()));
  }

  /** One JSON Lines record of a consent withdrawn (or erased) on chain. */
  static JsonObject withdrawnLine(WithdrawnConsent w) {
    return new JsonObject()
        .put("consentId", w.consentId())
        .put(
            "withdrawnAt",
            new JsonObject().put("blockNumber", w.blockNumber()).put("txHash", w.txHash()));
  }
}

package io.assent.node.api;

import io.assent.contracts.did.DidEthr;
import io.assent.node.consent.ConsentService;
import io.assent.node.consent.Grant;
import io.assent.node.consent.SubjectAction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request bodies of the consent endpoints, already checked against openapi.yaml (types, patterns,
 * no unknown members), turned into domain values. Hex is lower-cased; the subject DID must be of
 * this node's network.
 */
final class ConsentBodies {
  private ConsentBodies() {}

  /** {@code {grant, signature, signerKey?}}. */
  static ConsentService.SignedGrant signedGrant(JsonObject body, DidParam didParam) {
    return new ConsentService.SignedGrant(
        grant(body, didParam), body.getString("signature"), body.getString("signerKey"));
  }

  private static Grant grant(JsonObject body, DidParam didParam) {
    JsonObject g = body.getJsonObject("grant");
    DidEthr subject = didParam.parse(g.getString("subject"));
    JsonArray purposes = g.getJsonArray("purposes");
    List<String> list = new ArrayList<>();
    for (int i = 0; i < purposes.size(); i++) {
      list.add(purposes.getString(i));
    }
    return new Grant(
        subject.toString(),
        subject.address(),
        hex(g.getString("dataset")),
        list,
        g.getString("processing"),
        g.getString("legalBasis"),
        hex(g.getString("noticeDigest")),
        g.getString("noticeVersion"),
        g.getString("jurisdiction"),
        g.getLong("validFrom"),
        g.getLong("validUntil"),
        hex(g.getString("nonce")));
  }

  /** {@code {withdrawal|erasure: {consentId, subject, time, nonce}, signature}}. */
  static SubjectAction action(JsonObject body, SubjectAction.Kind kind, DidParam didParam) {
    JsonObject a =
        body.getJsonObject(kind == SubjectAction.Kind.WITHDRAWAL ? "withdrawal" : "erasure");
    DidEthr subject = didParam.parse(a.getString("subject"));
    return new SubjectAction(
        kind,
        hex(a.getString("consentId")),
        subject.address(),
        a.getLong("time"),
        hex(a.getString("nonce")));
  }

  static String hex(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}

package io.assent.node.api;

import io.assent.node.consent.ConsentService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * {@code POST /v1/consents}: accepts a subject-signed EIP-712 grant. 202 {@code {consentId, status:
 * "pending"}} once record, indexes and queued leaf are durably written; the identical signed grant
 * again: 200 with the same id, nothing changed. The body is read, checked against the schema and
 * parsed once, on a worker thread.
 */
public final class PostConsent extends SignedGrantsEndpoint {
  public static final String OPERATION_ID = "postConsent";

  public PostConsent(
      Blocking blocking, DidParam didParam, ConsentService consents, boolean enabled) {
    super(OPERATION_ID, blocking, didParam, consents, enabled);
  }

  @Override
  Reply accept(String contentType, Buffer raw, String path) {
    JsonObject body = GrantRequestBody.read(contentType, raw);
    ConsentService.SignedGrant signed = ConsentBodies.signedGrant(body, didParam);
    ConsentService.Accepted accepted = ConsentErrors.call(() -> consents.accept(signed));
    return Reply.json(
        accepted.created() ? 202 : 200,
        new JsonObject().put("consentId", accepted.consentId()).put("status", accepted.status()));
  }
}

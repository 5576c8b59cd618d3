package io.assent.node.api;

import io.assent.node.consent.ConsentService;
import io.assent.node.consent.Grant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/consents}: accepts a subject-signed EIP-712 grant. 202 {@code {consentId, status:
 * "pending"}} once record, indexes and queued leaf are durably written; the identical signed grant
 * again: 200 with the same id, nothing changed. The body is read, checked against the schema and
 * parsed once, on a worker thread.
 */
public final class PostConsent implements Endpoint {
  public static final String OPERATION_ID = "postConsent";

  private final Blocking blocking;
  private final DidParam didParam;
  private final ConsentService consents;
  private final boolean enabled;

  public PostConsent(
      Blocking blocking, DidParam didParam, ConsentService consents, boolean enabled) {
    this.blocking = blocking;
    this.didParam = didParam;
    this.consents = consents;
    this.enabled = enabled;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  /** The body is checked by {@link GrantRequestBody}, on a worker, not by the OpenAPI validator. */
  @Override
  public boolean validatesOwnBody() {
    return true;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!enabled) {
      throw new ApiException(ApiError.CONSENTS_DISABLED, "no contracts.consentAnchor configured");
    }
    String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    Buffer raw = ctx.body().buffer();
    blocking.respond(
        ctx,
        () -> {
          JsonObject body = GrantRequestBody.read(contentType, raw);
          Grant grant = ConsentBodies.grant(body, didParam);
          String signature = body.getString("signature");
          ConsentService.Accepted accepted =
              ConsentErrors.call(() -> consents.accept(grant, signature));
          return Reply.json(
              accepted.created() ? 202 : 200,
              new JsonObject()
                  .put("consentId", accepted.consentId())
                  .put("status", accepted.status()));
        });
  }
}

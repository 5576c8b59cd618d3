package io.assent.node.api;

import io.assent.node.consent.ConsentService;
import io.assent.node.consent.Grant;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/consents}: accepts a subject-signed EIP-712 grant. 202 {@code {consentId, status:
 * "pending"}} once record, indexes and queued leaf are durably written; the identical signed grant
 * again: 200 with the same id, nothing changed.
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

  @Override
  public void handle(RoutingContext ctx) {
    if (!enabled) {
      throw new ApiException(ApiError.CONSENTS_DISABLED, "no contracts.consentAnchor configured");
    }
    JsonObject body = ctx.body().asJsonObject();
    Grant grant = ConsentBodies.grant(body, didParam);
    String signature = body.getString("signature");
    blocking.respond(
        ctx,
        () -> {
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

package io.assent.node.api;

import io.assent.node.consent.ConsentService;
import io.assent.node.consent.SubjectAction;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/consents/{id}/withdrawal} (202, queued for anchoring) and {@code POST
 * /v1/consents/{id}/erasure} (200, record and key destroyed): the subject's signed request. A
 * repeated withdrawal answers 200 and changes nothing.
 */
public final class PostConsentAction implements Endpoint {
  public static final String WITHDRAWAL_ID = "postConsentWithdrawal";
  public static final String ERASURE_ID = "postConsentErasure";

  private final Blocking blocking;
  private final DidParam didParam;
  private final ConsentService consents;
  private final boolean enabled;
  private final SubjectAction.Kind kind;

  private PostConsentAction(
      Blocking blocking,
      DidParam didParam,
      ConsentService consents,
      boolean enabled,
      SubjectAction.Kind kind) {
    this.blocking = blocking;
    this.didParam = didParam;
    this.consents = consents;
    this.enabled = enabled;
    this.kind = kind;
  }

  public static PostConsentAction withdrawal(
      Blocking blocking, DidParam didParam, ConsentService consents, boolean enabled) {
    return new PostConsentAction(
        blocking, didParam, consents, enabled, SubjectAction.Kind.WITHDRAWAL);
  }

  public static PostConsentAction erasure(
      Blocking blocking, DidParam didParam, ConsentService consents, boolean enabled) {
    return new PostConsentAction(blocking, didParam, consents, enabled, SubjectAction.Kind.ERASURE);
  }

  @Override
  public String operationId() {
    return kind == SubjectAction.Kind.WITHDRAWAL ? WITHDRAWAL_ID : ERASURE_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!enabled) {
      throw new ApiException(ApiError.CONSENTS_DISABLED, "no contracts.consentAnchor configured");
    }
    String id = ConsentBodies.hex(ctx.pathParam("id"));
    JsonObject body = ctx.body().asJsonObject();
    SubjectAction action = ConsentBodies.action(body, kind, didParam);
    String signature = body.getString("signature");
    blocking.respond(
        ctx,
        () -> {
          ConsentService.Accepted accepted =
              ConsentErrors.call(
                  () ->
                      kind == SubjectAction.Kind.WITHDRAWAL
                          ? consents.withdraw(id, action, signature)
                          : consents.erase(id, action, signature));
          int status = kind == SubjectAction.Kind.ERASURE || !accepted.created() ? 200 : 202;
          return Reply.json(
              status,
              new JsonObject()
                  .put("consentId", accepted.consentId())
                  .put("status", accepted.status()));
        });
  }
}

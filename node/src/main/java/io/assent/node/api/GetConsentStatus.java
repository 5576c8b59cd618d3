package io.assent.node.api;

import io.assent.node.consent.ConsentService;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/consents/{id}}: public status. A node knows the consents it accepted, and every id
 * withdrawn on chain (from the anchor logs); for any other id it answers 404 consentNotFound.
 */
public final class GetConsentStatus implements Endpoint {
  public static final String OPERATION_ID = "getConsentStatus";

  private final Blocking blocking;
  private final ConsentService consents;

  public GetConsentStatus(Blocking blocking, ConsentService consents) {
    this.blocking = blocking;
    this.consents = consents;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = ConsentBodies.hex(ctx.pathParam("id"));
    blocking.respond(
        ctx, () -> Reply.json(ConsentJson.status(ConsentErrors.call(() -> consents.status(id)))));
  }
}

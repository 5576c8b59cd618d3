package io.assent.node.api;

import io.assent.contracts.did.DidEthr;
import io.assent.node.consent.ConsentService;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * {@code GET /v1/consents/check?subject=&dataset=&purpose=&at=}: may the dataset process the
 * subject's data for the purpose at {@code at} (unix seconds, default now), why, and the evidence.
 */
public final class CheckConsent implements Endpoint {
  public static final String OPERATION_ID = "checkConsent";

  private final Blocking blocking;
  private final DidParam didParam;
  private final ConsentService consents;
  private final Clock clock;

  public CheckConsent(Blocking blocking, DidParam didParam, ConsentService consents, Clock clock) {
    this.blocking = blocking;
    this.didParam = didParam;
    this.consents = consents;
    this.clock = clock;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    DidEthr subject = didParam.parse(ctx.queryParams().get("subject"));
    String dataset = ConsentBodies.hex(ctx.queryParams().get("dataset"));
    String purpose = ctx.queryParams().get("purpose");
    String atParam = ctx.queryParams().get("at");
    long at = atParam == null ? clock.instant().getEpochSecond() : Long.parseLong(atParam);
    blocking.respond(
        ctx,
        () ->
            Reply.json(ConsentJson.check(consents.check(subject.address(), dataset, purpose, at))));
  }
}

package io.assent.node.api;

import io.assent.contracts.did.DidEthr;
import io.assent.node.consent.ConsentService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/subjects/{did}/consents}: the subject's consents on this node; SIWE-authenticated.
 */
public final class ListSubjectConsents implements Endpoint {
  public static final String OPERATION_ID = "listSubjectConsents";

  private final Blocking blocking;
  private final DidParam didParam;
  private final ConsentService consents;
  private final SiweAuth auth;

  public ListSubjectConsents(
      Blocking blocking, DidParam didParam, ConsentService consents, SiweAuth auth) {
    this.blocking = blocking;
    this.didParam = didParam;
    this.consents = consents;
    this.auth = auth;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    DidEthr did = didParam.parse(ctx.pathParam("did"));
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String host = RequestHost.of(ctx);
    blocking.respond(
        ctx,
        () -> {
          auth.authorize(authorization, host, did.address());
          JsonArray list = new JsonArray();
          consents.listForSubject(did.address()).forEach(s -> list.add(ConsentJson.summary(s)));
          return Reply.json(new JsonObject().put("subject", did.toString()).put("consents", list));
        });
  }
}

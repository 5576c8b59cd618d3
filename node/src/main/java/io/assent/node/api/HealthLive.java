package io.assent.node.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /health/live}: 200 while the process serves HTTP. */
public final class HealthLive implements Endpoint {
  public static final String OPERATION_ID = "healthLive";

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Reply.json(new JsonObject().put("status", "UP")).writeTo(ctx);
  }
}

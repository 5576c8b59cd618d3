package io.assent.node.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** A complete response computed off the event loop, written on it. */
public record Reply(int status, String contentType, String body) {

  public static Reply json(int status, JsonObject body) {
    return new Reply(status, "application/json", body.encode());
  }

  public static Reply json(JsonObject body) {
    return json(200, body);
  }

  void writeTo(RoutingContext ctx) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
  }
}

package io.assent.node.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem details ({@code application/problem+json}). */
public final class Problem {
  public static final String CONTENT_TYPE = "application/problem+json";

  private Problem() {}

  public static JsonObject body(ApiError error, String detail, String instance) {
    JsonObject body =
        new JsonObject()
            .put("type", error.type())
            .put("title", error.title())
            .put("status", error.status())
            .put("code", error.code());
    if (detail != null && !detail.isBlank()) {
      body.put("detail", detail);
    }
    if (instance != null) {
      body.put("instance", instance);
    }
    return body;
  }

  public static void send(RoutingContext ctx, ApiError error, String detail) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response()
        .setStatusCode(error.status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .end(body(error, detail, ctx.request().path()).encode());
  }
}

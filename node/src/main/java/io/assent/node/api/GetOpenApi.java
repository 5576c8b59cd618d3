package io.assent.node.api;

import io.vertx.ext.web.RoutingContext;

/** {@code GET /openapi.yaml}: the OpenAPI document the router validates requests against. */
public final class GetOpenApi implements Endpoint {
  public static final String OPERATION_ID = "getOpenApi";

  private final String document;

  public GetOpenApi(String document) {
    this.document = document;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    new Reply(200, "application/yaml", document).writeTo(ctx);
  }
}

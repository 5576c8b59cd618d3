package io.assent.node.api;

import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/datasets/operations}: relays a curator-signed dataset operation, paid by this
 * node.
 */
public final class RelayDatasetOperation implements Endpoint {
  public static final String OPERATION_ID = "relayDatasetOperation";

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    throw new ApiException(ApiError.RELAY_DISABLED, "dataset relaying is not wired yet");
  }
}

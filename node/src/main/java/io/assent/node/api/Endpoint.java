package io.assent.node.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * One API operation: its OpenAPI operation id (the route, path and validation come from
 * openapi.yaml) and its handler. Handlers must not block the event loop: work that touches RocksDB,
 * signatures or JSON-RPC goes through {@link Blocking}.
 */
public interface Endpoint extends Handler<RoutingContext> {

  String operationId();

  /**
   * True when the handler checks its request body against openapi.yaml itself (with a test that
   * holds it to the document), so the router skips the OpenAPI validator on this route. Only for
   * operations without parameters, since the router then checks none.
   */
  default boolean validatesOwnBody() {
    return false;
  }
}

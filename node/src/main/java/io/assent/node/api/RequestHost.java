package io.assent.node.api;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/** The host:port a request was addressed to (Host header, or HTTP/2's :authority). */
final class RequestHost {
  private RequestHost() {}

  static String of(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    if (authority == null) {
      return null;
    }
    return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
  }
}

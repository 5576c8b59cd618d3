package io.assent.node.api;

import io.assent.node.consent.ConsentService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * What the endpoints that take subject-signed grants in their body share: they answer 503 {@code
 * consentsDisabled} on a node without a ConsentAnchor, and they check their own body ({@link
 * GrantRequestBody}, not the OpenAPI validator): on the event loop they only take the raw body;
 * reading, checking, signature recovery and the durable write run on a worker.
 */
abstract class SignedGrantsEndpoint implements Endpoint {
  private final String operationId;
  private final Blocking blocking;
  private final boolean enabled;
  protected final DidParam didParam;
  protected final ConsentService consents;

  SignedGrantsEndpoint(
      String operationId,
      Blocking blocking,
      DidParam didParam,
      ConsentService consents,
      boolean enabled) {
    this.operationId = operationId;
    this.blocking = blocking;
    this.didParam = didParam;
    this.consents = consents;
    this.enabled = enabled;
  }

  @Override
  public final String operationId() {
    return operationId;
  }

  @Override
  public final boolean validatesOwnBody() {
    return true;
  }

  @Override
  public final void handle(RoutingContext ctx) {
    if (!enabled) {
      throw new ApiException(ApiError.CONSENTS_DISABLED, "no contracts.consentAnchor configured");
    }
    String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    Buffer raw = ctx.body().buffer();
    String path = ctx.request().path();
    blocking.respond(ctx, () -> accept(contentType, raw, path));
  }

  /** On a worker: the reply to the body {@code raw} posted to {@code path}. */
  abstract Reply accept(String contentType, Buffer raw, String path);
}

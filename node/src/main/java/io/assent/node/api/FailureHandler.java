package io.assent.node.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses. {@link ApiException}s carry their problem;
 * request-validation failures become {@code invalidRequest} with the validator's message; the
 * router's own statuses map to their codes; anything else is logged and answered with a bare 500,
 * never with internals.
 */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      Problem.send(ctx, api.error(), api.detail());
      return;
    }
    if (failure instanceof HttpException http) {
      handleStatus(ctx, http.getStatusCode(), validationDetail(http));
      return;
    }
    if (failure instanceof ValidatorException validation) {
      Problem.send(ctx, ApiError.INVALID_REQUEST, validation.getMessage());
      return;
    }
    if (failure instanceof RejectedExecutionException) {
      Problem.send(ctx, ApiError.CHAIN_UNAVAILABLE, "node overloaded; retry later");
      return;
    }
    if (failure == null) {
      handleStatus(ctx, ctx.statusCode(), null);
      return;
    }
    LOG.error("unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
    Problem.send(ctx, ApiError.INTERNAL_ERROR, null);
  }

  private static void handleStatus(RoutingContext ctx, int status, String detail) {
    ApiError error =
        switch (status) {
          case 400 -> ApiError.INVALID_REQUEST;
          case 404 -> ApiError.NOT_FOUND;
          case 405 -> ApiError.METHOD_NOT_ALLOWED;
          case 413 -> ApiError.PAYLOAD_TOO_LARGE;
          case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
          default -> status >= 400 && status < 500 ? ApiError.INVALID_REQUEST : null;
        };
    if (error == null) {
      LOG.error("unexpected status {} on {}", status, ctx.request().path());
      error = ApiError.INTERNAL_ERROR;
      detail = null;
    }
    Problem.send(ctx, error, detail);
  }

  /** The validator's explanation, which names the offending parameter or body member. */
  private static String validationDetail(HttpException http) {
    Throwable cause = http.getCause();
    if (cause instanceof ValidatorException) {
      return cause.getMessage();
    }
    return http.getPayload();
  }
}

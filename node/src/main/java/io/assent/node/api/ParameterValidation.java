package io.assent.node.api;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.InputTrustHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;

/**
 * Checks a request's path, query, header and cookie parameters against its operation in
 * openapi.yaml, on the event loop, for operations without a request body. The router's own
 * validation does the same checks through vertx-openapi's {@code RequestValidator.validate}, which
 * runs every request's validation in {@code executeBlocking}: two thread handoffs per request
 * (0.15–0.5 ms of latency on 2 cores, BENCHMARKS.md, "DID resolution"). Here the same per-parameter
 * method runs in place (a few string and pattern checks), and a failure is answered as the router
 * answers it: a 400 {@link HttpException} carrying the {@link ValidatorException}.
 */
final class ParameterValidation implements InputTrustHandler {
  private final RequestValidatorImpl validator;
  private final Operation operation;
  private final RequestExtractor extractor = RequestExtractor.withBodyHandler();

  ParameterValidation(RequestValidatorImpl validator, Operation operation) {
    if (operation.getRequestBody() != null) {
      throw new IllegalArgumentException(operation.getOperationId() + " has a request body");
    }
    this.validator = validator;
    this.operation = operation;
  }

  @Override
  public void handle(RoutingContext ctx) {
    extractor
        .extractValidatableRequest(ctx, operation)
        .onSuccess(request -> validate(ctx, request))
        .onFailure(ctx::fail);
  }

  private void validate(RoutingContext ctx, ValidatableRequest request) {
    try {
      for (Parameter parameter : operation.getParameters()) {
        validator.validateParameter(parameter, value(request, parameter));
      }
    } catch (ValidatorException e) {
      ctx.fail(new HttpException(400, e.getMessage(), e));
      return;
    }
    ctx.next();
  }

  /** The parameter as sent, or null when absent (the validator then applies {@code required}). */
  private static RequestParameter value(ValidatableRequest request, Parameter parameter) {
    return switch (parameter.getIn()) {
      case PATH -> request.getPathParameters().get(parameter.getName());
      case QUERY -> request.getQuery().get(parameter.getName());
      case HEADER -> request.getHeaders().get(parameter.getName());
      case COOKIE -> request.getCookies().get(parameter.getName());
    };
  }
}

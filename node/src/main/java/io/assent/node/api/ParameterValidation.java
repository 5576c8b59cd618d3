package io.assent.node.api;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.InputTrustHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.LabelTransformer;
import io.vertx.openapi.validation.transformer.MatrixTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.util.List;

/**
 * Checks a request's path, query, header and cookie parameters against its operation in
 * openapi.yaml, on the event loop, for operations without a request body. It makes the checks
 * vertx-openapi's {@code RequestValidator} makes (required, the style's value transformation, the
 * parameter's JSON schema), with its errors, and answers a failure as the router does: a 400 {@link
 * HttpException} carrying the {@link ValidatorException}. Two costs of the router's way are left
 * out, both per request: it runs the validation in {@code executeBlocking} (two thread handoffs:
 * 0.15–0.5 ms of latency on 2 cores, BENCHMARKS.md, "DID resolution"), and it builds each
 * parameter's schema validator anew, which copies the contract's whole schema table (half of the
 * event loop's time in {@code GET /v1/consents/check}, JFR, 2026-11-30). Here each parameter's
 * validator is built once; vertx-json-schema's validators only read their tables, so one serves
 * every request.
 */
final class ParameterValidation implements InputTrustHandler {
  private final List<Check> checks;
  private final RequestExtractor extractor = RequestExtractor.withBodyHandler();
  private final Operation operation;

  ParameterValidation(OpenAPIContract contract, Operation operation) {
    if (operation.getRequestBody() != null) {
      throw new IllegalArgumentException(operation.getOperationId() + " has a request body");
    }
    this.operation = operation;
    this.checks =
        operation.getParameters().stream()
            .map(
                p ->
                    new Check(
                        p, transformer(p), contract.getSchemaRepository().validator(p.getSchema())))
            .toList();
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
      for (Check check : checks) {
        check.apply(value(request, check.parameter()));
      }
    } catch (ValidatorException e) {
      ctx.fail(new HttpException(400, e.getMessage(), e));
      return;
    }
    ctx.next();
  }

  /** One parameter's checks: required, then its value as its style reads it against its schema. */
  private record Check(Parameter parameter, ParameterTransformer transformer, Validator schema) {
    void apply(RequestParameter value) {
      if (value == null || value.isNull()) {
        if (parameter.isRequired()) {
          throw ValidatorException.createMissingRequiredParameter(parameter);
        }
        return;
      }
      if (transformer == null) {
        throw ValidatorException.createUnsupportedValueFormat(parameter);
      }
      OutputUnit result =
          schema.validate(transformer.transform(parameter, String.valueOf(value.get())));
      try {
        result.checkValidity();
      } catch (JsonSchemaValidationException e) {
        throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
      }
    }
  }

  /** The transformer vertx-openapi uses for the parameter's style (null: a style it rejects). */
  private static ParameterTransformer transformer(Parameter parameter) {
    return switch (parameter.getStyle()) {
      case SIMPLE -> new SimpleTransformer();
      case LABEL -> new LabelTransformer();
      case MATRIX -> new MatrixTransformer();
      case FORM -> new FormTransformer();
      default -> null;
    };
  }

  /** The parameter as sent, or null when absent. */
  private static RequestParameter value(ValidatableRequest request, Parameter parameter) {
    return switch (parameter.getIn()) {
      case PATH -> request.getPathParameters().get(parameter.getName());
      case QUERY -> request.getQuery().get(parameter.getName());
      case HEADER -> request.getHeaders().get(parameter.getName());
      case COOKIE -> request.getCookies().get(parameter.getName());
    };
  }
}

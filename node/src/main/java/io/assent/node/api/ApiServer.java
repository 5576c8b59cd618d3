package io.assent.node.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The HTTP edge. Each request passes: body limit (413) → OpenAPI validation of path, query and body
 * against openapi.yaml (400; or the endpoint's own equivalent check, see {@link
 * Endpoint#validatesOwnBody}; for operations without a body, the same parameter checks in place,
 * see {@link ParameterValidation}) → the operation's {@link Endpoint}; every failure ends in the
 * one {@link FailureHandler}. Routes not in the document answer 404/405 problems.
 */
public final class ApiServer {
  /** The OpenAPI document, a classpath resource. */
  public static final String OPENAPI_RESOURCE = "openapi.yaml";

  private final Vertx vertx;
  private final List<Endpoint> endpoints;
  private final long bodyLimitBytes;
  private HttpServer server;

  public ApiServer(Vertx vertx, List<Endpoint> endpoints, long bodyLimitBytes) {
    this.vertx = vertx;
    this.endpoints = endpoints;
    this.bodyLimitBytes = bodyLimitBytes;
  }

  /** The OpenAPI document's text. */
  public static String openApiDocument() {
    try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts listening; the future gives the bound port (useful with port 0). */
  public Future<Integer> start(String host, int port) {
    return OpenAPIContract.from(vertx, validationContract(openApiDocument()))
        .map(this::router)
        .compose(
            router ->
                vertx
                    .createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(router)
                    .listen())
        .map(
            listening -> {
              server = listening;
              return listening.actualPort();
            });
  }

  /**
   * The document as the router validates requests with it: the same paths, parameters and request
   * bodies, without response bodies. vertx-openapi refuses media types it cannot validate
   * (application/did-resolution, application/problem+json) even in responses, which it does not
   * validate anyway.
   */
  static JsonObject validationContract(String yaml) {
    Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    JsonObject contract = new JsonObject(tree).copy();
    JsonObject paths = contract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject operations = paths.getJsonObject(path);
      for (String method : operations.fieldNames()) {
        Object operation = operations.getValue(method);
        if (operation instanceof JsonObject op && op.containsKey("responses")) {
          JsonObject responses = op.getJsonObject("responses");
          for (String status : responses.fieldNames()) {
            responses.put(status, new JsonObject().put("description", "see /openapi.yaml"));
          }
        }
      }
    }
    JsonObject components = contract.getJsonObject("components", new JsonObject());
    components.remove("responses");
    return contract;
  }

  private Router router(OpenAPIContract contract) {
    // The body handler reads the body first (and enforces the limit); the validator then takes
    // it from the routing context.
    RouterBuilder builder =
        RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(bodyLimitBytes));
    Map<String, Endpoint> byId =
        endpoints.stream().collect(Collectors.toMap(Endpoint::operationId, Function.identity()));
    FailureHandler failures = new FailureHandler();
    for (OpenAPIRoute route : builder.getRoutes()) {
      String id = route.getOperation().getOperationId();
      Endpoint endpoint = byId.remove(id);
      if (endpoint == null) {
        throw new IllegalStateException("no endpoint implements operation " + id);
      }
      if (endpoint.validatesOwnBody()) {
        if (!route.getOperation().getParameters().isEmpty()) {
          throw new IllegalStateException(id + " has parameters the router would no longer check");
        }
        route.setDoValidation(false);
      } else if (route.getOperation().getRequestBody() == null) {
        // Same checks, without the router's two thread handoffs (see ParameterValidation).
        route.setDoValidation(false);
        route.addHandler(new ParameterValidation(contract, route.getOperation()));
      }
      route.addHandler(endpoint).addFailureHandler(failures);
    }
    if (!byId.isEmpty()) {
      throw new IllegalStateException("endpoints not in openapi.yaml: " + byId.keySet());
    }
    Router router = builder.createRouter();
    router.route().failureHandler(failures);
    router.errorHandler(404, failures);
    router.errorHandler(405, failures);
    router.errorHandler(413, failures);
    router.errorHandler(500, failures);
    return router;
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}

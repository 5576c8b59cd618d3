package io.assent.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliException;
import io.assent.cli.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CLI's view of an Assent node's HTTP API (node/src/main/resources/openapi.yaml). Every failure
 * is a {@link CliException}: unreachable node ({@code nodeUnreachable}), or the node's problem+json
 * answer, whose stable {@code code} becomes the error code and whose {@code detail} goes into the
 * message.
 */
public final class NodeClient implements AutoCloseable {

  /** A response whose status the caller interprets (DID resolution answers 410 with a body). */
  public record Response(int status, JsonNode body) {}

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;

  public NodeClient(URI base, Duration timeout) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI base() {
    return base;
  }

  /** {@code GET /v1/status}: chainId, contracts.didRegistry, sync state. */
  public JsonNode status() {
    return expectOk(send(get("/v1/status", "application/json")));
  }

  /** {@code GET /v1/identities/{did}}: owner, nonce, registry, chainId, deactivated. */
  public JsonNode identity(String did) {
    return expectOk(send(get("/v1/identities/" + pathSegment(did), "application/json")));
  }

  /** {@code POST /v1/identities/{did}/operations}: 202 with the relayed transaction's hash. */
  public JsonNode relay(String did, Object body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/v1/identities/" + pathSegment(did) + "/operations"))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Output.toJson(body)))
            .build();
    return expectOk(send(request));
  }

  /** {@code GET /1.0/identifiers/{did}}: a DID resolution result, with its HTTP status. */
  public Response resolve(String did, String query) {
    String path = "/1.0/identifiers/" + pathSegment(did) + (query.isEmpty() ? "" : "?" + query);
    Response response = send(get(path, "application/did-resolution"));
    if (response.body() == null || !response.body().has("didResolutionMetadata")) {
      expectOk(response); // a problem+json or a broken answer: report it
    }
    return response;
  }

  /**
   * {@code GET path} expecting 2xx JSON; {@code authorization} (may be null) goes into the {@code
   * Authorization} header. {@code path} must already be encoded.
   */
  public JsonNode getJson(String path, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).timeout(timeout).header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return expectOk(send(request.GET().build()));
  }

  /**
   * {@code GET path} expecting 2xx with a line-oriented body (e.g. JSON Lines), handed to {@code
   * line} one line at a time as it arrives, so a long answer never sits in memory. Other answers
   * fail as for {@link #getJson}. {@code authorization} may be null.
   */
  public void getLines(String path, String accept, String authorization, Consumer<String> line) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).timeout(timeout).header("Accept", accept);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<Stream<String>> response =
        exchange(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() / 100 != 2) {
        String body = lines.collect(Collectors.joining("\n"));
        expectOk(new Response(response.statusCode(), parse(body)));
      }
      lines.forEach(line);
    } catch (UncheckedIOException e) {
      throw unreachable("the answer broke off: " + e.getCause().getMessage(), e);
    }
  }

  /** {@code POST path} with a JSON body, expecting 2xx JSON. */
  public JsonNode postJson(String path, Object body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Output.toJson(body)))
            .build();
    return expectOk(send(request));
  }

  private HttpRequest get(String path, String accept) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(timeout)
        .header("Accept", accept)
        .GET()
        .build();
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  /** DIDs are path-safe except for '%' (pct-encoded network names), which must stay literal. */
  public static String pathSegment(String did) {
    return did.replace("%", "%25");
  }

  private Response send(HttpRequest request) {
    HttpResponse<String> response =
        exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(response.statusCode(), parse(response.body()));
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable("cannot connect", e);
    } catch (HttpTimeoutException e) {
      throw new CliException(
          "nodeTimeout",
          "the node at " + base + " did not answer within " + timeout.toSeconds() + "s",
          e);
    } catch (IOException e) {
      throw unreachable(String.valueOf(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", "interrupted", e);
    }
  }

  private CliException unreachable(String why, Exception cause) {
    return new CliException(
        "nodeUnreachable",
        "cannot reach the node at "
            + base
            + " ("
            + why
            + "); start one, point --node at one, or send directly with --rpc URL --registry ADDR",
        cause);
  }

  private JsonNode expectOk(Response response) {
    if (response.status() / 100 == 2 && response.body() != null) {
      return response.body();
    }
    JsonNode body = response.body();
    if (body != null && body.hasNonNull("code")) {
      String detail = body.path("detail").asText(body.path("title").asText(""));
      throw new CliException(
          body.get("code").asText(),
          "the node refused: "
              + body.get("code").asText()
              + (detail.isEmpty() ? "" : ": " + detail));
    }
    throw new CliException(
        "nodeError",
        "the node at "
            + base
            + " answered HTTP "
            + response.status()
            + " without a problem description");
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return Output.JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    http.close();
  }
}

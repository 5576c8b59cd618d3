package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.CliException;
import io.assent.cli.Output;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A minimal Ethereum JSON-RPC client for reading the chain: what {@code verify} needs, with every
 * failure a {@link CliException} {@code rpcUnavailable} naming the endpoint.
 */
final class ChainRpc implements AutoCloseable {

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;
  private int nextId = 1;

  ChainRpc(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The call's {@code result} (JSON null when the chain has no such thing). */
  JsonNode call(String method, Object... params) {
    ObjectNode request = Output.JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", nextId++);
    request.put("method", method);
    request.set("params", Output.JSON.valueToTree(List.of(params)));
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(timeout)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Output.toJson(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unavailable(method + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", "interrupted", e);
    }
    JsonNode body;
    try {
      body = Output.JSON.readTree(response.body());
    } catch (IOException e) {
      throw unavailable(method + " answered HTTP " + response.statusCode() + " without JSON", e);
    }
    if (body.hasNonNull("error")) {
      throw unavailable(method + " failed: " + body.get("error").path("message").asText(), null);
    }
    if (!body.has("result")) {
      throw unavailable(
          method + " answered HTTP " + response.statusCode() + " without a result", null);
    }
    return body.get("result");
  }

  private CliException unavailable(String why, Exception cause) {
    return new CliException("rpcUnavailable", "JSON-RPC endpoint " + url + ": " + why, cause);
  }

  @Override
  public void close() {
    http.close();
  }
}

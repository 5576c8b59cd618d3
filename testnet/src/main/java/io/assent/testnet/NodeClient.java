package io.assent.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** A small HTTP client of a node's API, for tests and benchmarks. */
public final class NodeClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;

  public NodeClient(String baseUrl) {
    this.baseUrl = baseUrl;
    // HTTP/1.1 (no h2c upgrade): the Host header carries the SIWE domain, as with curl.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A response: status and parsed JSON body (null if the body is not JSON). */
  public record Answer(int status, JsonNode body) {}

  public Answer get(String path, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(30))
            .build();
    return send(request);
  }

  /** GET with an {@code Authorization} header (e.g. SIWE for private reads). */
  public Answer getAuthorized(String path, String authorization) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/json")
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(30))
            .build();
    return send(request);
  }

  /** POST of a JSON body. */
  public Answer postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  public Answer get(String path) {
    return get(path, "application/json");
  }

  public Answer post(String path, String contentType, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return send(request);
  }

  /** {@code GET /v1/status}. */
  public JsonNode status() {
    Answer answer = get("/v1/status");
    if (answer.status() != 200) {
      throw new IllegalStateException("status " + answer.status() + ": " + answer.body());
    }
    return answer.body();
  }

  /** {@code GET /1.0/identifiers/{did}} as a DID resolution result. */
  public Answer resolve(String did) {
    return get("/1.0/identifiers/" + encode(did), "application/did-resolution");
  }

  /** Waits until the node's index has applied every block up to {@code block}. */
  public JsonNode awaitSyncedTo(long block, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = status();
        if (last.path("syncedBlock").asLong(-1) >= block) {
          return last;
        }
      } catch (RuntimeException e) {
        // node restarting
      }
      try {
        Thread.sleep(50); // polling interval
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("not synced to " + block + " within " + timeout + ": " + last);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body;
      try {
        body = response.body().isEmpty() ? null : JSON.readTree(response.body());
      } catch (IOException e) {
        body = null;
      }
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

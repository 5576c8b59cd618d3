package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.assent.cli.Output;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a node's API and for a chain's JSON-RPC endpoint ({@code POST /rpc}) on a free
 * loopback port. Answers are set per path with its query ({@code /v1/x?a=1}), else per path (any
 * query), or per JSON-RPC method; every request is recorded.
 */
public final class FakeServer implements AutoCloseable {

  public static final String ANCHOR = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";

  public record Request(
      String method, String path, String authorization, String host, JsonNode body) {}

  public record Answer(int status, String body) {}

  public final List<Request> requests = new CopyOnWriteArrayList<>();
  final Map<String, Answer> answers = new ConcurrentHashMap<>();
  public final Map<String, Object> rpcResults = new ConcurrentHashMap<>();
  private final HttpServer server;

  public FakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    answer(
        "/v1/status",
        200,
        "{\"chainId\":31337,\"contracts\":{\"didRegistry\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\","
            + "\"consentAnchor\":\""
            + ANCHOR
            + "\"}}");
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String rpcUrl() {
    return url() + "/rpc";
  }

  public FakeServer answer(String path, int status, String body) {
    answers.put(path, new Answer(status, body));
    return this;
  }

  public List<Request> to(String path) {
    return requests.stream().filter(r -> r.path().startsWith(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    byte[] in = exchange.getRequestBody().readAllBytes();
    JsonNode body = in.length == 0 ? null : Output.JSON.readTree(in);
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            query == null ? path : path + "?" + query,
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Host"),
            body));
    if (path.equals("/rpc")) {
      String method = body.path("method").asText();
      Object result = rpcResults.get(method);
      String json =
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + body.path("id")
              + ",\"result\":"
              + (result == null ? "null" : Output.JSON.writeValueAsString(result))
              + "}";
      respond(exchange, 200, json);
      return;
    }
    Answer answer = query == null ? null : answers.get(path + "?" + query);
    if (answer == null) {
      answer = answers.get(path);
    }
    if (answer == null) {
      respond(exchange, 404, "{\"code\":\"notFound\",\"detail\":\"no route " + path + "\"}");
    } else {
      respond(exchange, answer.status(), answer.body());
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("Content-Type", status / 100 == 2 ? "application/json" : "application/problem+json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.assent.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.assent.cli.Output;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the node's HTTP API (openapi.yaml) on a free loopback port, recording every
 * request, so tests see exactly what the CLI sends.
 */
final class FakeNode implements AutoCloseable {

  static final String REGISTRY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  static final String TX_HASH = "0x" + "ab".repeat(32);

  /** One request as the node saw it. */
  record Request(String method, String path, String accept, String contentType, JsonNode body) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  volatile long chainId = 31337;
  volatile String owner; // null: the identity owns itself
  volatile boolean deactivated;
  volatile String nonce = "7";
  volatile int relayStatus = 202;
  volatile String relayBody;
  volatile int resolveStatus = 200;
  volatile String resolveBody;

  private final HttpServer server;

  FakeNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> posts() {
    return requests.stream().filter(r -> r.method().equals("POST")).toList();
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
            exchange.getRequestHeaders().getFirst("Accept"),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            body));
    if (path.equals("/v1/status")) {
      respond(exchange, 200, "application/json", status());
    } else if (path.startsWith("/v1/identities/") && path.endsWith("/operations")) {
      String answer =
          relayBody != null
              ? relayBody
              : "{\"transactionHash\":\"" + TX_HASH + "\",\"operation\":\"x\"}";
      respond(
          exchange,
          relayStatus,
          relayStatus == 202 ? "application/json" : "application/problem+json",
          answer);
    } else if (path.startsWith("/v1/identities/")) {
      respond(
          exchange, 200, "application/json", identity(path.substring("/v1/identities/".length())));
    } else if (path.startsWith("/1.0/identifiers/")) {
      respond(exchange, resolveStatus, "application/did-resolution", resolveBody);
    } else {
      respond(exchange, 404, "application/problem+json", "{\"code\":\"notFound\",\"status\":404}");
    }
  }

  private String status() {
    ObjectNode status = Output.JSON.createObjectNode();
    status.put("version", "0.1.0");
    status.put("chainId", chainId);
    status.put("networkName", "dev");
    status.putObject("contracts").put("didRegistry", REGISTRY);
    status.put("syncedBlock", 10);
    return status.toString();
  }

  private String identity(String did) {
    String address = did.substring(did.lastIndexOf(':') + 1);
    ObjectNode identity = Output.JSON.createObjectNode();
    identity.put("did", did);
    identity.put("identity", address);
    identity.put("owner", deactivated ? Transport.ZERO_ADDRESS : owner == null ? address : owner);
    identity.put("nonce", nonce);
    identity.put("registry", REGISTRY);
    identity.put("chainId", chainId);
    identity.put("deactivated", deactivated);
    return identity.toString();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

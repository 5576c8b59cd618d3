package io.assent.testnet.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load driver's HTTP/1.1 connection: one keep-alive socket, requests encoded in full beforehand
 * ({@link #encodePost}, {@link #encodeGet}), responses read as status line, headers and a {@code
 * Content-Length} body. It does the least a client can do per request, so that on a machine shared
 * with the node the CPU goes to the node: {@code java.net.http.HttpClient} spent about as much CPU
 * per request as the node's whole signature recovery (JFR, 2026-11-29). Not a general client: no
 * chunked bodies, no redirects, no TLS.
 */
final class RawHttpConnection implements AutoCloseable {
  private static final int MAX_HEADER_LINE = 8_192;

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  RawHttpConnection(String host, int port) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    socket.setSoTimeout(30_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16_384);
  }

  /** The bytes of {@code POST path} with a JSON body, keep-alive. */
  static byte[] encodePost(String hostPort, String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + hostPort
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  /** The bytes of {@code GET path} with an {@code Accept} header, keep-alive. */
  static byte[] encodeGet(String hostPort, String path, String accept) {
    return ("GET " + path + " HTTP/1.1\r\nHost: " + hostPort + "\r\nAccept: " + accept + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** What a response must be; throws on anything else. */
  interface Expectation {
    void check(Response response);

    /** The response has this status. */
    static Expectation status(int status) {
      return response -> {
        if (response.status() != status) {
          throw new IllegalStateException(response.status() + " " + response.body());
        }
      };
    }
  }

  /**
   * Posts every request once, from {@code clients} threads, each on its own keep-alive connection;
   * each response must meet {@code expected} (the first that does not fails the load). Returns the
   * CPU time the client threads used, nanoseconds.
   */
  static long postAll(
      String host, int port, List<byte[]> requests, int clients, Expectation expected)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicLong cpu = new AtomicLong();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (RawHttpConnection http = new RawHttpConnection(host, port)) {
                      for (int i = next.getAndIncrement();
                          i < requests.size() && errors.isEmpty();
                          i = next.getAndIncrement()) {
                        expected.check(http.send(requests.get(i)));
                      }
                    } catch (Exception e) {
                      errors.add(e);
                    } finally {
                      cpu.addAndGet(threads.getCurrentThreadCpuTime());
                    }
                  }));
    }
    for (Thread w : workers) {
      w.join();
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("posting failed: " + errors.get(0), errors.get(0));
    }
    return cpu.get();
  }

  /** Sends one encoded request and returns the response: status and body text. */
  Response send(byte[] request) throws IOException {
    out.write(request);
    out.flush();
    String statusLine = line();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x response: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    int length = -1;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring("content-length:".length()).trim());
      } else if (lower.startsWith("transfer-encoding:")) {
        throw new IOException("chunked responses are not supported: " + header);
      }
    }
    if (length < 0) {
      throw new IOException("response without Content-Length");
    }
    byte[] body = in.readNBytes(length);
    if (body.length != length) {
      throw new IOException("connection closed inside the response body");
    }
    return new Response(status, new String(body, StandardCharsets.UTF_8));
  }

  record Response(int status, String body) {}

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed by the server");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      if (line.length() >= MAX_HEADER_LINE) {
        throw new IOException("header line too long");
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

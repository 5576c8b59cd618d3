package io.assent.testnet.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder in front of a port (the chain's RPC), that a test can cut: while down,
 * every open connection is closed and new ones are accepted and closed at once, so clients see
 * connection resets as with an unreachable endpoint; up again, it forwards as before, on the same
 * port.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean up = true;

  private TcpProxy(ServerSocket server, int targetPort) {
    this.server = server;
    this.targetPort = targetPort;
  }

  static TcpProxy start(int targetPort) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    TcpProxy proxy = new TcpProxy(server, targetPort);
    Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(proxy::acceptLoop);
    return proxy;
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  synchronized void down() {
    up = false;
    open.forEach(TcpProxy::closeQuietly);
    open.clear();
  }

  void up() {
    up = true;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (!up) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        // Under down()'s lock: a connection accepted just before down() must not survive it.
        synchronized (this) {
          if (!up) {
            closeQuietly(client);
            closeQuietly(target);
            continue;
          }
          open.add(client);
          open.add(target);
        }
        pump(client, target);
        pump(target, client);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread.ofPlatform()
        .daemon()
        .name("tcp-proxy-pump")
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side closed: close both
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            });
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    down();
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
  }
}

package io.assent.testnet;

import io.assent.contracts.devchain.ChildProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An Assent node running as its own JVM process ({@code assent-node run}), so that tests can kill
 * it with SIGKILL like a crash would, and restart it on the same data directory.
 */
public final class NodeProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final int httpPort;
  private Process process;

  private NodeProcess(List<String> command, Map<String, String> environment, Path log, int port) {
    this.command = command;
    this.environment = environment;
    this.log = log;
    this.httpPort = port;
  }

  /**
   * Starts {@code assent-node run --config <config> --http-port <port>} and waits until it answers
   * {@code /health/live}.
   */
  public static NodeProcess start(
      Path config, int httpPort, Map<String, String> environment, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(Artifacts.nodeJar().toString());
    command.addAll(
        List.of("run", "--config", config.toString(), "--http-port", Integer.toString(httpPort)));
    NodeProcess node = new NodeProcess(command, environment, log, httpPort);
    node.launch();
    return node;
  }

  private void launch() {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      process = ChildProcesses.stopOnExit(builder.start());
    } catch (IOException e) {
      throw new IllegalStateException("cannot start node: " + command, e);
    }
    awaitLive(Duration.ofSeconds(60));
  }

  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs. */
  public void kill9() {
    process.destroyForcibly();
    waitForExit();
  }

  /** Starts the node again with the same command and data directory. */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("still running");
    }
    launch();
  }

  /** SIGTERM: the node shuts down cleanly. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ChildProcesses.forget(process);
  }

  private void awaitLive(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node exited with " + process.exitValue() + ": " + tail());
      }
      try {
        HttpResponse<Void> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url() + "/health/live")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause();
    }
    stop();
    throw new IllegalStateException("node not live within " + timeout + ": " + tail());
  }

  private static void pause() {
    try {
      Thread.sleep(100); // readiness polling interval, not a fixed wait for an outcome
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The end of the node's log, for failure messages. */
  public String tail() {
    try {
      String text = Files.readString(log);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    stop();
  }
}

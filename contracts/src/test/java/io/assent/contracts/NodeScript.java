package io.assent.contracts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js script of this module's {@code src/test/js} (the ethers 6 peers of the interop tests):
 * runs it with arguments and standard input, and returns its standard output, failing on a non-zero
 * exit or after a minute.
 */
public final class NodeScript {
  private final Path script;

  /**
   * @param relativePath the script's path from the module's directory
   */
  public NodeScript(String relativePath) {
    this.script = Path.of(relativePath).toAbsolutePath();
  }

  public String run(String stdin, String... args) {
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("missing " + script + " (run from the contracts module)");
    }
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("script timed out: " + command);
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("script failed (" + process.exitValue() + "): " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

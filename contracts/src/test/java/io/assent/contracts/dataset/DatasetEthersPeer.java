package io.assent.contracts.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs src/test/js/dataset-eip712.mjs (ethers 6), the independent EIP-712 implementation. */
final class DatasetEthersPeer {

  private static final Path SCRIPT = Path.of("src/test/js/dataset-eip712.mjs").toAbsolutePath();

  private DatasetEthersPeer() {}

  static String hash(String typedDataJson) {
    return run(typedDataJson, "hash");
  }

  static String sign(String typedDataJson, String privateKey) {
    return run(typedDataJson, "sign", privateKey);
  }

  static String types(String primaryType) {
    return run("", "types", primaryType);
  }

  private static String run(String stdin, String... args) {
    if (!Files.isRegularFile(SCRIPT)) {
      throw new IllegalStateException("missing " + SCRIPT + " (run from the contracts module)");
    }
    List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("ethers peer timed out: " + command);
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("ethers peer failed (" + process.exitValue() + "): " + out);
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

package io.assent.testnet.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The reference did:ethr resolver (ethr-did-resolver 11.1.3 + did-resolver, from the repository's
 * node_modules), run as {@code node testnet/src/test/js/resolve-reference.mjs} against a chain.
 * Each call starts one Node.js process for all the DIDs given and waits for it (bounded).
 */
public final class ReferenceResolver {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 120;

  private final Path root;
  private final String rpcUrl;
  private final long chainId;
  private final String registry;

  /**
   * @param root the repository root (holds node_modules and testnet/)
   * @param rpcUrl the chain's JSON-RPC endpoint
   * @param registry the DID registry address, configured as network {@code dev} and its chain id
   */
  public ReferenceResolver(Path root, String rpcUrl, long chainId, String registry) {
    this.root = root;
    this.rpcUrl = rpcUrl;
    this.chainId = chainId;
    this.registry = registry;
  }

  /** The root from the {@code assent.root} system property that failsafe sets. */
  public static Path repositoryRoot() {
    return Path.of(System.getProperty("assent.root", "..")).toAbsolutePath().normalize();
  }

  public ObjectNode resolve(String didOrDidUrl) {
    return resolve(List.of(didOrDidUrl)).get(0);
  }

  /** Resolution results, in the order of {@code didsOrDidUrls} (DID URLs may carry versionId). */
  public List<ObjectNode> resolve(List<String> didsOrDidUrls) {
    Path script = root.resolve("testnet/src/test/js/resolve-reference.mjs");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("no reference script at " + script);
    }
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(
        List.of("--rpc", rpcUrl, "--chain-id", Long.toString(chainId), "--registry", registry));
    command.addAll(didsOrDidUrls);
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("ASSENT_ROOT", root.toString());
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> stderr = readAsync(process.getErrorStream());
      CompletableFuture<String> stdout = readAsync(process.getInputStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("reference resolver timed out");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "reference resolver failed (" + process.exitValue() + "): " + stderr.join());
      }
      List<ObjectNode> results = new ArrayList<>();
      for (String line : stdout.join().split("\n")) {
        if (!line.isBlank()) {
          results.add((ObjectNode) MAPPER.readTree(line));
        }
      }
      if (results.size() != didsOrDidUrls.size()) {
        throw new IllegalStateException(
            "expected " + didsOrDidUrls.size() + " results, got " + results.size());
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}

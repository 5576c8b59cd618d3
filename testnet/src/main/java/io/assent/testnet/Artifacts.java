package io.assent.testnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates the project's built jars (the Maven build makes them before testnet's tests run). */
public final class Artifacts {
  private Artifacts() {}

  public static Path root() {
    return Path.of(System.getProperty("assent.root", "..")).toAbsolutePath().normalize();
  }

  /** The node's self-contained jar, {@code node/target/assent-node-*-all.jar}. */
  public static Path nodeJar() {
    return shadedJar("node", "assent-node-");
  }

  /** The CLI's self-contained jar, {@code cli/target/assent-cli-*-all.jar}. */
  public static Path cliJar() {
    return shadedJar("cli", "assent-cli-");
  }

  private static Path shadedJar(String module, String prefix) {
    Path target = root().resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.getFileName().toString().endsWith("-all.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + prefix + "*-all.jar in " + target));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot list " + target + "; build the " + module + " module", e);
    }
  }
}

package io.assent.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replays every golden scenario through the reference resolver (ethr-did-resolver 11.1.3 from the
 * project's node_modules, over a fake JSON-RPC chain) with {@code
 * src/test/js/check-identity-goldens.mjs}: the goldens that {@link DidResolverGoldenTest} holds
 * this resolver to must be what the reference returns, apart from documented differences.
 */
class IdentityGoldensReferenceIT {

  @Test
  void goldensMatchTheReferenceResolver() throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("assent.root", "..")).toAbsolutePath().normalize();
    Path script = Path.of("src/test/js/check-identity-goldens.mjs").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
    builder.environment().put("ASSENT_ROOT", root.toString());
    Process process = builder.start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("ok       delegates.json").doesNotContain("MISMATCH");
  }
}

package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.CliContext;
import io.assent.cli.CliException;
import io.assent.cli.Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The subject's own copies: {@code ~/.assent/consents/<consentId>.json} holds the signed grant, the
 * node's answer, and later the signed withdrawal or erasure; receipts default to {@code
 * <consentId>.receipt.json} beside it. Written atomically (temp file, then rename).
 */
public final class LocalConsents {

  private final Path dir;

  public LocalConsents(CliContext context) {
    this.dir = context.home().resolve(".assent").resolve("consents");
  }

  public Path dir() {
    return dir;
  }

  public Path file(String consentId) {
    return dir.resolve(consentId + ".json");
  }

  public Path receiptFile(String consentId) {
    return dir.resolve(consentId + ".receipt.json");
  }

  public Optional<ObjectNode> read(String consentId) {
    Path file = file(consentId);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode json = Output.JSON.readTree(file.toFile());
      return json instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (IOException e) {
      throw new CliException("localStoreError", "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public Path save(String consentId, JsonNode copy) {
    return write(file(consentId), Output.toJson(copy));
  }

  /** Writes {@code text} to {@code file} atomically, creating its directory. */
  public static Path write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".consent", ".tmp");
      Files.writeString(temp, text + "\n", StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new CliException("localStoreError", "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

package io.assent.node.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.node.store.KeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.web3j.utils.Numeric;

/**
 * A golden resolution scenario, stored as JSON under {@code src/test/resources/identity/golden}:
 * the registry history ({@code blocks}), the query ({@code did}, {@code now}, {@code options}) and
 * the {@code expected} resolution result. The same files are replayed through ethr-did-resolver's
 * own folding by {@code src/test/js/check-identity-goldens.mjs}.
 *
 * <p>Times are ISO instants; a {@code validTo} is an ISO instant or 0 (revoked). Event fields:
 * {@code type} (owner, delegate, attribute), {@code identity} (defaults to the scenario's), {@code
 * owner}, {@code delegateType}, {@code delegate}, {@code name} (text) or {@code nameHex} (raw
 * bytes32), {@code value} (0x-hex) or {@code valueText} (UTF-8).
 */
record GoldenScenario(Path file, JsonNode json) {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static GoldenScenario load(Path file) {
    try {
      return new GoldenScenario(file, MAPPER.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name();
  }

  String name() {
    return file.getFileName().toString().replace(".json", "");
  }

  String did() {
    return json.get("did").asText();
  }

  Clock clock() {
    return Clock.fixed(Instant.parse(json.get("now").asText()), ZoneOffset.UTC);
  }

  ResolutionOptions options() {
    JsonNode options = json.path("options");
    Long versionId = options.has("versionId") ? options.get("versionId").asLong() : null;
    Instant versionTime =
        options.has("versionTime") ? Instant.parse(options.get("versionTime").asText()) : null;
    String accept = options.has("accept") ? options.get("accept").asText() : null;
    return new ResolutionOptions(versionId, versionTime, accept);
  }

  JsonNode expected() {
    return json.get("expected");
  }

  /** Replays the scenario's blocks through the fake registry and indexer. */
  FakeRegistry replay(KeyValueStore store) {
    FakeRegistry registry = new FakeRegistry(store);
    String identity = json.get("identity").asText();
    for (JsonNode block : json.path("blocks")) {
      registry.block(block.get("number").asLong(), seconds(block.get("timestamp")));
      for (JsonNode event : block.path("events")) {
        String id = event.has("identity") ? event.get("identity").asText() : identity;
        switch (event.get("type").asText()) {
          case "owner" -> registry.changeOwner(id, event.get("owner").asText());
          case "delegate" ->
              registry.delegate(
                  id,
                  event.get("delegateType").asText(),
                  event.get("delegate").asText(),
                  seconds(event.get("validTo")));
          case "attribute" ->
              registry.attribute(id, name(event), value(event), seconds(event.get("validTo")));
          default -> throw new IllegalArgumentException("unknown event type in " + file);
        }
      }
    }
    return registry;
  }

  /** Writes {@code actual} as the expected result (used to draft a new scenario). */
  void rewriteExpected(JsonNode actual) {
    ((ObjectNode) json).set("expected", actual);
    try {
      Files.writeString(
          file,
          MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] name(JsonNode event) {
    if (event.has("nameHex")) {
      return Numeric.hexStringToByteArray(event.get("nameHex").asText());
    }
    return FakeRegistry.bytes32(event.get("name").asText());
  }

  private static byte[] value(JsonNode event) {
    if (event.has("valueText")) {
      return event.get("valueText").asText().getBytes(StandardCharsets.UTF_8);
    }
    return Numeric.hexStringToByteArray(event.get("value").asText());
  }

  private static long seconds(JsonNode time) {
    return time.isNumber() ? time.asLong() : Instant.parse(time.asText()).getEpochSecond();
  }
}

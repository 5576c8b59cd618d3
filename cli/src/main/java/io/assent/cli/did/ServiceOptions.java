package io.assent.cli.did;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.assent.cli.CliException;
import io.assent.cli.Output;
import io.assent.contracts.did.DidNames;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/**
 * A service as a DID attribute: name {@code did/svc/<type>}, value the endpoint's UTF-8 bytes.
 * Resolvers show the endpoint as a string, or as JSON when it parses as JSON.
 */
public final class ServiceOptions {

  /** Resolvers only read service types made of word characters ({@code \w+}). */
  private static final String TYPE = "[A-Za-z0-9_]+";

  /** What the node accepts in one value (4096 bytes); larger values cost gas for nothing. */
  private static final int MAX_ENDPOINT_BYTES = 4096;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      description = "Service type, e.g. ConsentService (letters, digits, '_').")
  String type;

  @Option(
      names = "--endpoint",
      required = true,
      paramLabel = "URL|JSON",
      description = "Service endpoint: a URL, or a JSON object or array.")
  String endpoint;

  public String attributeName() {
    if (!type.matches(TYPE)) {
      throw new CliException(
          "invalidArgument", "service type '" + type + "': use letters, digits or '_' only");
    }
    try {
      return DidNames.serviceAttribute(type);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalidArgument", "service type '" + type + "': " + e.getMessage());
    }
  }

  public byte[] value() {
    String trimmed = endpoint.strip();
    if (trimmed.isEmpty()) {
      throw new CliException("invalidArgument", "--endpoint is empty");
    }
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        Output.JSON.readTree(trimmed);
      } catch (JsonProcessingException e) {
        throw new CliException("invalidArgument", "--endpoint looks like JSON but does not parse");
      }
    }
    byte[] bytes = trimmed.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_ENDPOINT_BYTES) {
      throw new CliException(
          "invalidArgument",
          "--endpoint is " + bytes.length + " bytes; at most " + MAX_ENDPOINT_BYTES);
    }
    return bytes;
  }
}

package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How dataset answers of the node read for people. */
final class DatasetText {

  private static final int WIDTH = 12;

  private DatasetText() {}

  /** The dataset view ({@code DatasetView}) as labelled lines. */
  static String dataset(JsonNode d) {
    StringBuilder text = new StringBuilder();
    line(text, "dataset", d.path("id").asText("?"));
    line(text, "name", d.path("name").asText("") + " " + d.path("version").asText(""));
    line(text, "curator", d.path("curator").asText("?"));
    line(text, "license", license(d));
    List<String> parents = new ArrayList<>();
    d.path("parents").forEach(p -> parents.add(p.asText()));
    line(
        text,
        "parents",
        parents.isEmpty() ? "none" : String.join("\n" + " ".repeat(WIDTH), parents));
    line(text, "content", d.path("contentDigest").asText("?"));
    line(
        text,
        "metadata",
        d.path("metadataDigest").asText("?") + " " + d.path("metadataUri").asText(""));
    line(text, "registered", chainRef(d.path("registered")));
    if (d.hasNonNull("licenseChanged")) {
      line(text, "relicensed", chainRef(d.path("licenseChanged")));
    }
    if (d.hasNonNull("deprecated")) {
      JsonNode deprecated = d.path("deprecated");
      line(
          text,
          "DEPRECATED",
          "\"" + deprecated.path("reason").asText("") + "\", " + chainRef(deprecated));
    }
    return text.toString().stripTrailing();
  }

  /** A dataset in one line: name version [license] id (deprecated). */
  static String oneLine(JsonNode d) {
    StringBuilder text =
        new StringBuilder()
            .append(d.path("name").asText("?"))
            .append(' ')
            .append(d.path("version").asText("?"))
            .append("  [")
            .append(license(d))
            .append("]  ")
            .append(d.path("id").asText("?"));
    boolean deprecated =
        d.path("deprecated").isBoolean()
            ? d.path("deprecated").asBoolean()
            : d.hasNonNull("deprecated");
    if (deprecated) {
      text.append("  (deprecated)");
    }
    return text.toString();
  }

  /** The license, marked when the node finds it is not a valid SPDX expression. */
  static String license(JsonNode d) {
    String license = d.path("license").asText("?");
    return d.path("licenseValid").asBoolean(true) ? license : license + " (not valid SPDX)";
  }

  /** {@code block N, tx 0x…, 2026-…Z, by 0x…}. */
  static String chainRef(JsonNode ref) {
    StringBuilder text = new StringBuilder("block ").append(ref.path("blockNumber").asText("?"));
    text.append(", tx ").append(ref.path("txHash").asText("?"));
    if (ref.path("timestamp").canConvertToLong()) {
      text.append(", ").append(Instant.ofEpochSecond(ref.path("timestamp").asLong()));
    }
    if (ref.hasNonNull("actor")) {
      text.append(", by ").append(ref.path("actor").asText());
    }
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(label).append(" ".repeat(WIDTH - label.length())).append(value).append('\n');
  }
}

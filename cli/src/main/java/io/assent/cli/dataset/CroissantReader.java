package io.assent.cli.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.assent.cli.CliException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Croissant 1.0 or 1.1 metadata file (JSON-LD, in the compact form of the standard
 * Croissant {@code @context}: {@code name}, {@code conformsTo}, {@code sha256}, ...).
 *
 * <p>Always required: a JSON object (no duplicate member names, nothing after it) with {@code
 * @context}, {@code @type} {@code sc:Dataset}, and {@code conformsTo} (or {@code dct:conformsTo})
 * {@code http://mlcommons.org/croissant/1.0} or {@code 1.1}; for 1.1 also {@code creator}. Fields a
 * flag can replace are checked when used ({@link Croissant}). Every problem is a {@link
 * CliException} {@code invalidCroissant} whose message starts with {@code croissant:} and names the
 * field.
 */
public final class CroissantReader {

  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // keeps a number's digits as written (a version 1.10 stays "1.10"); JCS still sees the
          // IEEE-754 double
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private static final Pattern CONFORMS_TO =
      Pattern.compile("https?://mlcommons\\.org/croissant/(1\\.[01])/?");

  private CroissantReader() {}

  public static Croissant read(Path file) {
    JsonNode root = parse(file);
    if (root.isMissingNode()) {
      throw invalid("the file is empty");
    }
    if (!root.isObject()) {
      throw invalid("the file is not a JSON object");
    }
    require(root, "@context");
    checkType(root);
    String conformsTo = conformsTo(root);
    List<String> creators = names(root, "creator");
    if (conformsTo.equals("1.1") && creators.isEmpty()) {
      throw invalid("missing required field 'creator'");
    }
    String metadataDigest;
    try {
      metadataDigest = DatasetDigests.metadata(root);
    } catch (IllegalArgumentException e) {
      throw invalid("the file has no RFC 8785 canonical form: " + e.getMessage());
    }
    return new Croissant(
        file,
        conformsTo,
        text(root, "name"),
        text(root, "version"),
        values(root, "license"),
        text(root, "url"),
        creators,
        files(root),
        values(root, "prov:wasDerivedFrom"),
        metadataDigest);
  }

  private static JsonNode parse(Path file) {
    try {
      return STRICT.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CliException("fileNotFound", "croissant: no such file " + file, e);
    } catch (CharacterCodingException e) {
      throw invalid("the file is not UTF-8 text");
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw invalid("the file is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CliException(
          "fileError", "croissant: cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkType(JsonNode root) {
    JsonNode type = require(root, "@type");
    List<String> types = new ArrayList<>();
    for (JsonNode t : type.isArray() ? type : List.of(type)) {
      types.add(t.asText(""));
    }
    boolean dataset =
        types.stream().anyMatch(t -> t.matches("(sc:|schema:|https?://schema\\.org/)?Dataset"));
    if (!dataset) {
      throw invalid("'@type' is " + String.join(", ", types) + ", not sc:Dataset");
    }
  }

  /** {@code 1.0} or {@code 1.1}, from {@code conformsTo}. */
  private static String conformsTo(JsonNode root) {
    JsonNode field = root.has("conformsTo") ? root.get("conformsTo") : root.get("dct:conformsTo");
    if (field == null || field.isNull()) {
      throw invalid("missing required field 'conformsTo'");
    }
    for (JsonNode value : field.isArray() ? field : List.of(field)) {
      String uri = value.isObject() ? value.path("@id").asText("") : value.asText("");
      Matcher version = CONFORMS_TO.matcher(uri.strip());
      if (version.matches()) {
        return version.group(1);
      }
    }
    throw invalid(
        "'conformsTo' is "
            + field
            + "; supported: http://mlcommons.org/croissant/1.0 and http://mlcommons.org/croissant/1.1");
  }

  private static JsonNode require(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      throw invalid("missing required field '" + field + "'");
    }
    return value;
  }

  /** A field that must be one non-empty string (or number, for {@code version}), if present. */
  private static Optional<String> text(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!(value.isTextual() || value.isNumber()) || value.asText().isBlank()) {
      throw invalid("field '" + field + "' must be a non-empty string, not " + value);
    }
    return Optional.of(value.asText().strip());
  }

  /**
   * A field that may repeat: each value a string, or an object with {@code @id} or {@code url}
   * (schema.org allows a URL or a CreativeWork).
   */
  private static List<String> values(JsonNode root, String field) {
    JsonNode value = root.get(field);
    List<String> values = new ArrayList<>();
    if (value == null || value.isNull()) {
      return values;
    }
    for (JsonNode item : value.isArray() ? value : List.of(value)) {
      String text =
          item.isObject()
              ? item.path("@id").asText(item.path("url").asText(""))
              : item.isTextual() ? item.asText() : "";
      if (text.isBlank()) {
        throw invalid(
            "field '"
                + field
                + "' has "
                + item
                + "; expected a string, or an object with @id or url");
      }
      values.add(text.strip());
    }
    return values;
  }

  /** {@code creator}: strings, or Person/Organization objects named by name, @id or url. */
  private static List<String> names(JsonNode root, String field) {
    JsonNode value = root.get(field);
    List<String> names = new ArrayList<>();
    if (value == null || value.isNull()) {
      return names;
    }
    for (JsonNode item : value.isArray() ? value : List.of(value)) {
      String name =
          item.isObject()
              ? item.path("name").asText(item.path("@id").asText(item.path("url").asText("")))
              : item.asText("");
      if (name.isBlank()) {
        throw invalid("field '" + field + "' has " + item + " without a name, @id or url");
      }
      names.add(name.strip());
    }
    return names;
  }

  /** The FileObjects of {@code distribution} (FileSets have no digest of their own). */
  private static List<Croissant.FileObject> files(JsonNode root) {
    JsonNode distribution = root.get("distribution");
    List<Croissant.FileObject> files = new ArrayList<>();
    if (distribution == null || distribution.isNull()) {
      return files;
    }
    int index = 0;
    for (JsonNode item : distribution.isArray() ? distribution : List.of(distribution)) {
      index++;
      if (!item.isObject()) {
        throw invalid("'distribution' entry " + index + " is not an object");
      }
      String type = item.path("@type").asText("");
      if (!type.matches("(cr:|https?://mlcommons\\.org/croissant/)?FileObject")) {
        continue;
      }
      String name = item.path("name").asText(item.path("@id").asText("#" + index));
      JsonNode sha256 = item.get("sha256");
      if (sha256 != null && !(sha256.isTextual() && sha256.asText().matches("[0-9a-fA-F]{64}"))) {
        throw invalid("'sha256' of FileObject '" + name + "' is not 64 hex digits: " + sha256);
      }
      files.add(new Croissant.FileObject(name, Optional.ofNullable(sha256).map(JsonNode::asText)));
    }
    return files;
  }

  private static CliException invalid(String problem) {
    return new CliException("invalidCroissant", "croissant: " + problem);
  }
}

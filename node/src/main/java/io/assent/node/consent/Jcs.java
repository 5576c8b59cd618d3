package io.assent.node.consent;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme for Jackson trees: object members sorted by their names'
 * UTF-16 code units ({@link String#compareTo} order), no whitespace, strings with the minimal
 * escapes of ECMAScript's {@code JSON.stringify}. Consent records hold only strings, integers,
 * booleans, arrays and objects, so numbers are limited to integers (ECMAScript prints those in
 * decimal without exponent up to 2^53); any other number is refused rather than mis-serialized.
 */
public final class Jcs {
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private Jcs() {}

  public static byte[] canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        node.properties().forEach(members::add);
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          string(members.get(i).getKey(), out);
          out.append(':');
          write(members.get(i).getValue(), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      case NUMBER -> number(node, out);
      default -> throw new IllegalArgumentException("not JSON: " + node.getNodeType());
    }
  }

  private static void number(JsonNode node, StringBuilder out) {
    if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
      throw new IllegalArgumentException("only integral numbers are canonicalized: " + node);
    }
    long value = node.asLong();
    if (Math.abs(value) > MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("integer beyond 2^53 has no exact JSON form: " + value);
    }
    out.append(value);
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

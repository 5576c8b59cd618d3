package io.assent.contracts.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by the UTF-16 code units of their
 * names, no whitespace, strings escaped minimally, numbers as ECMAScript prints an IEEE-754 double.
 * What a consent leaf hashes ({@code keccak256(salt ‖ JCS(record))}, the node writing it and the
 * CLI verifying it) and what a Croissant metadata digest hashes: one implementation for both sides.
 *
 * <p>Numbers are IEEE-754 doubles, as RFC 8785 says: an integer beyond 2^53 − 1 is written rounded,
 * as {@code JSON.stringify(JSON.parse(...))} would. Consent records never hold one (the API refuses
 * times beyond 2^53 − 1).
 */
public final class Jcs {
  private static final double MAX_SAFE_INTEGER = 9_007_199_254_740_991d;

  private Jcs() {}

  /** The canonical form's UTF-8 bytes. */
  public static byte[] canonicalize(JsonNode value) {
    return canonical(value).getBytes(StandardCharsets.UTF_8);
  }

  public static String canonical(JsonNode value) {
    StringBuilder out = new StringBuilder(1024);
    write(value, out);
    return out.toString();
  }

  /**
   * Appends {@code text} as a canonical JSON string, for writers that emit a fixed shape in
   * canonical form directly (their output must equal {@link #canonical} of the same tree).
   */
  public static void appendString(StringBuilder out, String text) {
    string(text, out);
  }

  /** The canonical form of an integer, as that of a JSON number node holding it. */
  public static String integer(long value) {
    return number((double) value);
  }

  private static void write(JsonNode value, StringBuilder out) {
    switch (value.getNodeType()) {
      case OBJECT -> {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        value.properties().forEach(members::add);
        members.sort(Map.Entry.comparingByKey()); // String order = UTF-16 code unit order
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
        for (int i = 0; i < value.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(value.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(value.textValue(), out);
      case NUMBER -> out.append(number(value.doubleValue()));
      case BOOLEAN -> out.append(value.booleanValue());
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("not JSON: " + value.getNodeType());
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    int plain = 0; // the run of characters that need no escape, appended at once
    while (plain < text.length()
        && text.charAt(plain) >= 0x20
        && text.charAt(plain) != '"'
        && text.charAt(plain) != '\\') {
      plain++;
    }
    out.append(text, 0, plain);
    for (int i = plain; i < text.length(); i++) {
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

  /** ECMAScript Number.prototype.toString for a finite double (RFC 8785 section 3.2.2.3). */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JCS has no representation for " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER) {
      return Long.toString((long) d); // the common case (times, counts), and -0 as "0"
    }
    // Shortest round-trip digits (Java 19+ Double.toString), as digits and exponent n:
    // value = 0.digits × 10^n.
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int k = digits.length();
    int n = k - exact.scale();
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits.substring(n));
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      int e = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits.substring(1));
      }
      out.append('e').append(e < 0 ? "-" : "+").append(Math.abs(e));
    }
    return out.toString();
  }
}

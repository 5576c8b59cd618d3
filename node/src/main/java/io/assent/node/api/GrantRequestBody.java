package io.assent.node.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code POST /v1/consents} body (and each item of a {@code POST /v1/consents/batch} body)
 * checked against openapi.yaml's {@code ConsentGrantRequest} schema by hand: media type, JSON
 * syntax, types, required and unknown members, lengths, patterns and ranges; any violation is
 * {@code invalidRequest} (400), as the OpenAPI validator answers.
 *
 * <p>Why not the validator: on the ingest path it cost more CPU than the grant's signature recovery
 * (JFR, 2026-11-29: the JSON-schema validator copies the contract's schema map for every request,
 * compiles each {@code pattern} again for every value, parses the body a second time and runs on
 * another thread pool). {@code GrantRequestBodyTest} runs a corpus of bodies through both this
 * class and the validator built from openapi.yaml and requires the same verdicts, so the document
 * stays the truth. One deliberate difference: a pattern's {@code $} does not accept a trailing line
 * feed here (ECMA-262, as JSON Schema specifies; Java's {@code $} does).
 */
final class GrantRequestBody {
  private static final Set<String> TOP = Set.of("grant", "signature");
  private static final Set<String> TOP_OPTIONAL = Set.of("signerKey");
  private static final Set<String> BATCH = Set.of("grants");
  private static final Set<String> GRANT =
      Set.of(
          "subject",
          "dataset",
          "purposes",
          "processing",
          "legalBasis",
          "noticeDigest",
          "noticeVersion",
          "jurisdiction",
          "validFrom",
          "validUntil",
          "nonce");

  /** The strings of the grant with their [minLength, maxLength] (in code points). */
  private static final Map<String, int[]> TEXTS =
      Map.of(
          "subject", new int[] {0, 256},
          "processing", new int[] {1, 128},
          "legalBasis", new int[] {1, 128},
          "noticeVersion", new int[] {1, 128},
          "jurisdiction", new int[] {1, 64});

  private static final long MAX_UNIX_SECONDS = 9_007_199_254_740_991L;
  private static final int MAX_PURPOSES = 16;
  private static final int MAX_PURPOSE_LENGTH = 128;

  private GrantRequestBody() {}

  /** The body as a JSON object that satisfies the schema, else an {@code invalidRequest}. */
  static JsonObject read(String contentType, Buffer body) {
    return item(parse(contentType, body), "");
  }

  /**
   * The grants of a {@code ConsentGrantBatch} body, {@code {"grants": [1 to maxItems items]}}, else
   * an {@code invalidRequest}; the items are not checked here (see {@link #item}).
   */
  static JsonArray batch(String contentType, Buffer body, int maxItems) {
    if (!(parse(contentType, body) instanceof JsonObject top)) {
      throw invalid("the request body must be a JSON object");
    }
    members(top, BATCH, Set.of(), "");
    if (!(top.getValue("grants") instanceof JsonArray grants)) {
      throw invalid("/grants must be an array");
    }
    if (grants.isEmpty() || grants.size() > maxItems) {
      throw invalid("/grants must have 1 to " + maxItems + " items");
    }
    return grants;
  }

  /**
   * One {@code ConsentGrantRequest} that satisfies the schema, else an {@code invalidRequest} whose
   * detail points into the body from {@code at} (a JSON pointer, "" for the whole body).
   */
  static JsonObject item(Object value, String at) {
    if (!(value instanceof JsonObject top)) {
      throw invalid(
          at.isEmpty() ? "the request body must be a JSON object" : at + " must be an object");
    }
    members(top, TOP, TOP_OPTIONAL, at);
    String g = at + "/grant";
    if (!(top.getValue("grant") instanceof JsonObject grant)) {
      throw invalid(g + " must be an object");
    }
    members(grant, GRANT, Set.of(), g);
    for (Map.Entry<String, int[]> text : TEXTS.entrySet()) {
      string(grant, text.getKey(), text.getValue()[0], text.getValue()[1], g);
    }
    hex(grant, "dataset", 64, g);
    hex(grant, "noticeDigest", 64, g);
    hex(grant, "nonce", 64, g);
    unixSeconds(grant, "validFrom", g);
    unixSeconds(grant, "validUntil", g);
    purposes(grant, g);
    hex(top, "signature", 130, at);
    if (top.containsKey("signerKey")) {
      signerKey(top, at);
    }
    return top;
  }

  /** The body's JSON value, else an {@code invalidRequest}. */
  private static Object parse(String contentType, Buffer body) {
    if (contentType == null || !isJson(contentType)) {
      throw invalid("the request body must be application/json");
    }
    if (body == null || body.length() == 0) {
      throw invalid("The related request does not contain the required body.");
    }
    try {
      return Json.decodeValue(body);
    } catch (DecodeException e) {
      throw invalid("the request body is not JSON: " + e.getMessage());
    }
  }

  private static boolean isJson(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT).equals("application/json");
  }

  /** Every {@code required} member, and no member that is neither it nor {@code optional}. */
  private static void members(
      JsonObject object, Set<String> required, Set<String> optional, String at) {
    for (String name : object.fieldNames()) {
      if (!required.contains(name) && !optional.contains(name)) {
        throw invalid(at + "/" + name + " is not a member of this request");
      }
    }
    for (String name : required) {
      if (!object.containsKey(name)) {
        throw invalid(at + "/" + name + " is required");
      }
    }
  }

  private static void string(JsonObject object, String name, int min, int max, String at) {
    if (!(object.getValue(name) instanceof String s)) {
      throw invalid(at + "/" + name + " must be a string");
    }
    int length = s.codePointCount(0, s.length());
    if (length < min || length > max) {
      throw invalid(at + "/" + name + " must be " + min + " to " + max + " characters");
    }
  }

  /** {@code ^0x(04[0-9a-fA-F]{128}|0[23][0-9a-fA-F]{64})$}: a SEC 1 public key. */
  private static void signerKey(JsonObject top, String at) {
    String must = at + "/signerKey must be 0x04 and 128 hex digits, or 0x02 or 0x03 and 64";
    if (!(top.getValue("signerKey") instanceof String s)
        || !(s.length() == 132 && s.startsWith("0x04")
            || s.length() == 68 && (s.startsWith("0x02") || s.startsWith("0x03")))) {
      throw invalid(must);
    }
    if (!isHex(s, 4)) {
      throw invalid(must);
    }
  }

  private static boolean isHex(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** {@code ^0x[0-9a-fA-F]{digits}$}. */
  private static void hex(JsonObject object, String name, int digits, String at) {
    if (!(object.getValue(name) instanceof String s)
        || s.length() != 2 + digits
        || !s.startsWith("0x")) {
      throw invalid(at + "/" + name + " must be 0x and " + digits + " hex digits");
    }
    if (!isHex(s, 2)) {
      throw invalid(at + "/" + name + " must be 0x and " + digits + " hex digits");
    }
  }

  /**
   * A JSON integer in [0, 2^53 - 1]; as in JSON Schema a number with a zero fraction ({@code 1e3},
   * {@code 5.0}) is an integer.
   */
  private static void unixSeconds(JsonObject grant, String name, String at) {
    Object value = grant.getValue(name);
    boolean inRange =
        switch (value) {
          case Integer i -> i >= 0;
          case Long l -> l >= 0 && l <= MAX_UNIX_SECONDS;
          case Double d -> d == Math.rint(d) && d >= 0 && d <= MAX_UNIX_SECONDS;
          case BigInteger b -> false; // beyond a long, so beyond 2^53
          case null, default -> throw invalid(at + "/" + name + " must be an integer");
        };
    if (!inRange) {
      throw invalid(at + "/" + name + " must be between 0 and 2^53 - 1 (unix seconds)");
    }
  }

  private static void purposes(JsonObject grant, String at) {
    if (!(grant.getValue("purposes") instanceof JsonArray purposes)) {
      throw invalid(at + "/purposes must be an array");
    }
    if (purposes.isEmpty() || purposes.size() > MAX_PURPOSES) {
      throw invalid(at + "/purposes must have 1 to " + MAX_PURPOSES + " items");
    }
    for (int i = 0; i < purposes.size(); i++) {
      if (!(purposes.getValue(i) instanceof String p)
          || p.isEmpty()
          || p.codePointCount(0, p.length()) > MAX_PURPOSE_LENGTH) {
        throw invalid(at + "/purposes/" + i + " must be a string of 1 to 128 characters");
      }
    }
  }

  private static ApiException invalid(String detail) {
    return new ApiException(ApiError.INVALID_REQUEST, detail);
  }
}

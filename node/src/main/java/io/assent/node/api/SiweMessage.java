package io.assent.node.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EIP-4361 (Sign-In with Ethereum) message, parsed strictly enough for authentication: the
 * header line with the domain, the address line, then the {@code Key: value} fields (URI, Version
 * 1, Chain ID, Nonce, Issued At required; Expiration Time, Not Before optional). The optional
 * statement and resources are not interpreted.
 */
record SiweMessage(
    String domain,
    String address,
    String uri,
    long chainId,
    String nonce,
    Instant issuedAt,
    Optional<Instant> expirationTime,
    Optional<Instant> notBefore) {

  private static final Pattern HEADER =
      Pattern.compile("^(\\S+) wants you to sign in with your Ethereum account:$");
  private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
  private static final Pattern NONCE = Pattern.compile("^[A-Za-z0-9]{8,}$");

  static SiweMessage parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 7) {
      throw invalid("not an EIP-4361 message");
    }
    Matcher header = HEADER.matcher(lines[0]);
    if (!header.matches()) {
      throw invalid(
          "first line must be '<domain> wants you to sign in with your Ethereum account:'");
    }
    if (!ADDRESS.matcher(lines[1]).matches()) {
      throw invalid("second line must be the address");
    }
    Map<String, String> fields = new HashMap<>();
    for (int i = 2; i < lines.length; i++) {
      int colon = lines[i].indexOf(": ");
      if (colon > 0 && !lines[i].startsWith("- ")) {
        fields.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 2));
      }
    }
    if (!"1".equals(fields.get("Version"))) {
      throw invalid("Version must be 1");
    }
    String nonce = required(fields, "Nonce");
    if (!NONCE.matcher(nonce).matches()) {
      throw invalid("Nonce must be at least 8 alphanumeric characters");
    }
    long chainId;
    try {
      chainId = Long.parseLong(required(fields, "Chain ID"));
    } catch (NumberFormatException e) {
      throw invalid("Chain ID must be a number");
    }
    return new SiweMessage(
        header.group(1),
        lines[1].toLowerCase(Locale.ROOT),
        required(fields, "URI"),
        chainId,
        nonce,
        time(required(fields, "Issued At")),
        Optional.ofNullable(fields.get("Expiration Time")).map(SiweMessage::time),
        Optional.ofNullable(fields.get("Not Before")).map(SiweMessage::time));
  }

  private static String required(Map<String, String> fields, String key) {
    String value = fields.get(key);
    if (value == null || value.isBlank()) {
      throw invalid("missing " + key);
    }
    return value;
  }

  private static Instant time(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("not an RFC 3339 time: " + value);
    }
  }

  private static ApiException invalid(String detail) {
    return new ApiException(ApiError.UNAUTHENTICATED, "SIWE: " + detail);
  }
}

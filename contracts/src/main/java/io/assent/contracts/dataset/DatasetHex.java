package io.assent.contracts.dataset;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalizes the hex forms dataset operations carry (lower-case, 0x-prefixed). */
final class DatasetHex {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");

  private DatasetHex() {}

  /** A 20-byte address, lower-cased; {@code field} names it in the error. */
  static String address(String field, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be a 0x-prefixed 20-byte address, was " + value);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A 32-byte value as 0x-hex (64 digits), lower-cased. */
  static String bytes32(String field, String value) {
    if (value == null || !BYTES32.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + " must be 0x-prefixed 32 bytes (64 hex digits), was " + value);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  static List<String> bytes32List(String field, List<String> values) {
    if (values == null) {
      throw new IllegalArgumentException(field + " must not be null (may be empty)");
    }
    return values.stream().map(v -> bytes32(field, v)).toList();
  }

  /** Any string, including empty (the registry decides which fields must not be empty). */
  static String text(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }
}

package io.assent.contracts.consent;

import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.utils.Numeric;

/** Checks and normalizes the hex forms the consent types carry (lower-case, 0x-prefixed). */
final class Hex {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");

  private Hex() {}

  /** A 20-byte address, lower-cased; {@code field} names it in the error. */
  static String address(String field, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be a 0x-prefixed 20-byte address");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A 32-byte value as 0x-hex (64 digits), lower-cased. */
  static String bytes32(String field, String value) {
    if (value == null || !BYTES32.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be 0x-prefixed 32 bytes (64 hex digits)");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A 32-byte array, copied. */
  static byte[] bytes32(String field, byte[] value) {
    if (value == null || value.length != 32) {
      throw new IllegalArgumentException(
          field + " must be 32 bytes, was " + (value == null ? "null" : value.length));
    }
    return value.clone();
  }

  static byte[] bytes(String hex) {
    return Numeric.hexStringToByteArray(hex);
  }

  static String hex(byte[] bytes) {
    return Numeric.toHexString(bytes);
  }

  /** A uint64 field: 0 .. Long.MAX_VALUE (unix seconds; larger values are refused). */
  static long uint64(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return value;
  }

  static String text(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }
}

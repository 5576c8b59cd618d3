package io.assent.contracts.consent;

import java.util.Locale;
import org.web3j.utils.Numeric;

/** Checks and normalizes the hex forms the consent types carry (lower-case, 0x-prefixed). */
final class Hex {

  private Hex() {}

  /**
   * {@code 0x} and exactly {@code digits} hex digits, either case. (A loop: once per field of every
   * grant the node takes, where a regular expression showed in profiles.)
   */
  static boolean isHex(String value, int digits) {
    if (value == null || value.length() != 2 + digits || !value.startsWith("0x")) {
      return false;
    }
    for (int i = 2; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** A 20-byte address, lower-cased; {@code field} names it in the error. */
  static String address(String field, String value) {
    if (!isHex(value, 40)) {
      throw new IllegalArgumentException(field + " must be a 0x-prefixed 20-byte address");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A 32-byte value as 0x-hex (64 digits), lower-cased. */
  static String bytes32(String field, String value) {
    if (!isHex(value, 64)) {
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

package io.assent.node.chain;

import java.util.Locale;
import org.web3j.utils.Numeric;

/** 0x-hex as the chain follower stores and compares it. */
final class Hex {
  private Hex() {}

  /** Decodes a 32-byte hash, refusing any other length. */
  static byte[] bytes32(String hex) {
    byte[] bytes = Numeric.hexStringToByteArray(hex);
    if (bytes.length != 32) {
      throw new IllegalArgumentException("expected 32 bytes of hex, got " + hex);
    }
    return bytes;
  }

  /** Lower-case, 0x-prefixed: the one form hashes and addresses are compared in. */
  static String normalize(String hex) {
    String lower = hex.toLowerCase(Locale.ROOT);
    return lower.startsWith("0x") ? lower : "0x" + lower;
  }
}

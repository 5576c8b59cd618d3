package io.assent.cli.did;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58 with the Bitcoin alphabet (what did:ethr's {@code base58} keys use); decoding only. */
final class Base58 {

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58() {}

  /**
   * The bytes of {@code text}; each leading '1' stands for a leading zero byte.
   *
   * @throws IllegalArgumentException on a character outside the alphabet
   */
  static byte[] decode(String text) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException(
            "'" + text.charAt(i) + "' is not a base58 character (position " + i + ")");
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    if (magnitude.length > 1 && magnitude[0] == 0) {
      magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length); // BigInteger's sign byte
    }
    byte[] out = new byte[zeros + magnitude.length];
    System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
    return out;
  }
}

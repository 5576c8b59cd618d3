package io.assent.node.consent;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A secret weight of {@link SignatureBatch}, drawn directly as its digits: {@value #DIGITS}
 * non-zero digits, each odd in ±{1, 3, …, 15}, at positions below {@value #BITS} that are at least
 * {@value #GAP} apart, all such strings equally likely.
 *
 * <p>Such a string is a width-5 NAF, and an integer has at most one width-5 NAF, so distinct
 * strings are distinct integers; none is 0, and all are below 2^251 &lt; n/2 in absolute value, so
 * they are distinct modulo n too. There are C(248 − 4·14, 15)·16^15 ≈ 2^132.7 of them, more than
 * the 2^127 random 128-bit weights with the top bit set, and each costs {@value #DIGITS} additions
 * of its point from the table of odd multiples that the batch builds anyway, where a random 128-bit
 * weight costs ~21.
 *
 * @param digits the digit at each bit position, least significant first (most are 0)
 * @param value the weight
 */
record SparseWeight(byte[] digits, BigInteger value) {
  static final int DIGITS = 15;
  static final int BITS = 248;
  static final int GAP = 5;

  /** Random bytes for one weight: enough for its draws but for rare rejections. */
  static final int BYTES = 64;

  /**
   * Positions: a uniformly random {@value #DIGITS}-subset of [0, BITS − (GAP − 1)·(DIGITS − 1)),
   * its j-th smallest element moved up by (GAP − 1)·j, which maps such subsets one to one onto the
   * position sets whose neighbours are at least GAP apart. The draws read {@code random} (secret
   * random bytes, {@value #BYTES} per weight, drawn for a whole batch at once: a call into the
   * SecureRandom per draw cost more than the additions the weight saves) from {@code offset}, and
   * {@code more} when those run out.
   */
  static SparseWeight draw(byte[] random, int offset, SecureRandom more) {
    Bits bits = new Bits(random, offset, more);
    int span = BITS - (GAP - 1) * (DIGITS - 1);
    boolean[] chosen = new boolean[span];
    // Floyd's algorithm: a uniformly random subset of DIGITS of the span.
    for (int j = span - DIGITS; j < span; j++) {
      int t = bits.below(j + 1);
      chosen[chosen[t] ? j : t] = true;
    }
    byte[] digits = new byte[BITS];
    BigInteger value = BigInteger.ZERO;
    int rank = 0;
    for (int q = 0; q < span; q++) {
      if (chosen[q]) {
        int position = q + (GAP - 1) * rank++;
        int nibble = bits.below(16);
        int digit = (2 * (nibble & 7) + 1) * ((nibble & 8) == 0 ? 1 : -1);
        digits[position] = (byte) digit;
        value = value.add(BigInteger.valueOf(digit).shiftLeft(position));
      }
    }
    return new SparseWeight(digits, value);
  }

  /** Uniform integers from random bytes, by rejection. */
  private static final class Bits {
    private final byte[] random;
    private final SecureRandom more;
    private int at;
    private final int end;

    Bits(byte[] random, int offset, SecureRandom more) {
      this.random = random;
      this.at = offset;
      this.end = offset + BYTES;
      this.more = more;
    }

    /** Uniform in [0, bound), bound ≤ 256: a byte, rejected above the largest multiple. */
    int below(int bound) {
      int limit = 256 - 256 % bound;
      while (true) {
        int b = at < end ? random[at++] & 0xff : more.nextInt(256);
        if (b < limit) {
          return b % bound;
        }
      }
    }
  }
}

package io.assent.node.consent;

import java.math.BigInteger;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * A running sum of secp256k1 points in Jacobian coordinates (x = X/Z², y = Y/Z³), to which affine
 * points are added and which is doubled, in place: the main loop of {@link SignatureBatch}. It
 * works on Bouncy Castle's field words ({@link SecP256K1Field}, eight 32-bit words, fully reduced)
 * with scratch arrays of its own, so an addition allocates nothing; Bouncy Castle's {@code
 * ECPoint.add} creates a new point and several field elements per addition, of which a batch makes
 * ~60 per signature (in-process, 50-signature batches took ~8% less time this way, see
 * BENCHMARKS.md).
 *
 * <p>Formulas (a = 0): doubling dbl-2009-l (2M + 5S); mixed addition with U2 = x·Z², S2 = y·Z³, H =
 * U2 − X, r = S2 − Y (8M + 3S). The special cases (the sum at infinity, adding the sum's own point
 * or its negation) are handled, so the result is exact for any inputs.
 */
final class JacobianSum {
  private final int[] x = Nat256.create();
  private final int[] y = Nat256.create();
  private final int[] z = Nat256.create();
  private boolean infinity = true;

  // Scratch: a product's 16 words, and field elements.
  private final int[] tt = Nat256.createExt();
  private final int[] a = Nat256.create();
  private final int[] b = Nat256.create();
  private final int[] c = Nat256.create();
  private final int[] d = Nat256.create();
  private final int[] e = Nat256.create();
  private final int[] t = Nat256.create();

  boolean isInfinity() {
    return infinity;
  }

  /** sum = 2·sum. */
  void twice() {
    if (infinity) {
      return;
    }
    if (Nat256.isZero(y)) { // a point of order two; secp256k1 has none
      infinity = true;
      return;
    }
    SecP256K1Field.square(x, a, tt); // A = X²
    SecP256K1Field.square(y, b, tt); // B = Y²
    SecP256K1Field.square(b, c, tt); // C = B²
    SecP256K1Field.add(x, b, t);
    SecP256K1Field.square(t, t, tt);
    SecP256K1Field.subtract(t, a, t);
    SecP256K1Field.subtract(t, c, t);
    SecP256K1Field.twice(t, d); // D = 2((X + B)² − A − C)
    SecP256K1Field.twice(a, e);
    SecP256K1Field.add(e, a, e); // E = 3A
    SecP256K1Field.multiply(y, z, z, tt);
    SecP256K1Field.twice(z, z); // Z3 = 2YZ, before Y changes
    SecP256K1Field.square(e, x, tt);
    SecP256K1Field.twice(d, t);
    SecP256K1Field.subtract(x, t, x); // X3 = E² − 2D
    SecP256K1Field.subtract(d, x, t);
    SecP256K1Field.multiply(e, t, t, tt);
    SecP256K1Field.twice(c, c);
    SecP256K1Field.twice(c, c);
    SecP256K1Field.twice(c, c);
    SecP256K1Field.subtract(t, c, y); // Y3 = E(D − X3) − 8C
  }

  /**
   * sum = sum + (px, py), or sum − (px, py) if {@code negate}; (px, py) an affine point of the
   * curve, in fully reduced field words. The arrays are only read.
   */
  void add(int[] px, int[] py, boolean negate) {
    if (infinity) {
      Nat256.copy(px, x);
      if (negate) {
        SecP256K1Field.negate(py, y);
      } else {
        Nat256.copy(py, y);
      }
      Nat256.zero(z);
      z[0] = 1;
      infinity = false;
      return;
    }
    SecP256K1Field.square(z, a, tt); // Z1Z1
    SecP256K1Field.multiply(px, a, b, tt); // U2 = x·Z1Z1
    SecP256K1Field.multiply(z, a, c, tt);
    SecP256K1Field.multiply(py, c, c, tt); // S2 = y·Z1³
    if (negate) {
      SecP256K1Field.negate(c, c);
    }
    SecP256K1Field.subtract(b, x, d); // H = U2 − X1
    SecP256K1Field.subtract(c, y, e); // r = S2 − Y1
    if (Nat256.isZero(d)) {
      if (Nat256.isZero(e)) {
        twice(); // the same point
      } else {
        infinity = true; // its negation
      }
      return;
    }
    SecP256K1Field.square(d, a, tt); // HH
    SecP256K1Field.multiply(d, a, b, tt); // HHH
    SecP256K1Field.multiply(x, a, c, tt); // V = X1·HH
    SecP256K1Field.square(e, x, tt);
    SecP256K1Field.subtract(x, b, x);
    SecP256K1Field.twice(c, t);
    SecP256K1Field.subtract(x, t, x); // X3 = r² − HHH − 2V
    SecP256K1Field.subtract(c, x, t);
    SecP256K1Field.multiply(e, t, t, tt);
    SecP256K1Field.multiply(y, b, y, tt);
    SecP256K1Field.subtract(t, y, y); // Y3 = r(V − X3) − Y1·HHH
    SecP256K1Field.multiply(z, d, z, tt); // Z3 = Z1·H
  }

  /** The sum's affine (x, y), or null at infinity (for tests; costs an inversion). */
  BigInteger[] affine() {
    if (infinity) {
      return null;
    }
    int[] zInverse = Nat256.create();
    SecP256K1Field.inv(z, zInverse);
    int[] zz = Nat256.create();
    SecP256K1Field.square(zInverse, zz);
    int[] ax = Nat256.create();
    SecP256K1Field.multiply(x, zz, ax);
    SecP256K1Field.multiply(zz, zInverse, zz);
    int[] ay = Nat256.create();
    SecP256K1Field.multiply(y, zz, ay);
    return new BigInteger[] {Nat256.toBigInteger(ax), Nat256.toBigInteger(ay)};
  }
}

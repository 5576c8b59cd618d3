package io.assent.node.consent;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * The tables of odd multiples that {@link SignatureBatch} adds from, built for all the batch's
 * points at once in affine coordinates: each step (2P for every point, then 3P, 5P, … for every
 * point) has one division per point, and the divisions of a step share one field inversion
 * (Montgomery's trick). An addition then costs 8 field multiplications and 3 squarings in {@link
 * JacobianSum}, against about 16 for Bouncy Castle's Jacobian addition and the normalization the
 * main loop's mixed additions need after it; the tables were about a quarter of a batch's time
 * before (JFR, 2026-11-30). In Bouncy Castle's field words ({@link SecP256K1Field}), fully reduced,
 * as {@link JacobianSum} takes them.
 */
final class AffineTables {

  /** The odd multiples P, 3P, 5P, … of one point: x[i], y[i] are those of (2i+1)P. */
  record Table(int[][] x, int[][] y) {
    /** The table of λ·P, λ the endomorphism's: (β·x, y) for each entry. */
    Table mapped(int[] beta) {
      int[][] images = new int[x.length][];
      int[] tt = Nat256.createExt();
      for (int i = 0; i < x.length; i++) {
        images[i] = Nat256.create();
        SecP256K1Field.multiply(x[i], beta, images[i], tt);
      }
      return new Table(images, y);
    }
  }

  private AffineTables() {}

  /** The field words of a point's affine x and y (the point normalized, not infinity). */
  static int[][] words(ECPoint point) {
    ECPoint p = point.normalize();
    return new int[][] {
      SecP256K1Field.fromBigInteger(p.getAffineXCoord().toBigInteger()),
      SecP256K1Field.fromBigInteger(p.getAffineYCoord().toBigInteger())
    };
  }

  /**
   * For each affine point P (x[j], y[j]): P, 3P, 5P, … (2^(width−1) − 1)P. Null if a step would
   * divide by zero, which no point of the curve other than infinity makes happen (the group's order
   * is a large prime, so 2P ≠ O and (2j+1)P ≠ ±2P); callers count it as a failed batch.
   */
  static Table[] oddMultiples(int[][] x, int[][] y, int width) {
    int m = x.length;
    int per = 1 << (width - 2);
    int[] tt = Nat256.createExt();
    int[] lambda = Nat256.create();
    int[][] denominators = new int[m][];
    Table[] tables = new Table[m];
    for (int j = 0; j < m; j++) {
      tables[j] = new Table(new int[per][], new int[per][]);
      tables[j].x()[0] = x[j];
      tables[j].y()[0] = y[j];
      denominators[j] = Nat256.create();
      SecP256K1Field.twice(y[j], denominators[j]);
    }
    // 2P: λ = 3x² / 2y
    if (!invertAll(denominators)) {
      return null;
    }
    int[][] twiceX = new int[m][];
    int[][] twiceY = new int[m][];
    for (int j = 0; j < m; j++) {
      int[] xx = Nat256.create();
      SecP256K1Field.square(x[j], xx, tt);
      SecP256K1Field.twice(xx, lambda);
      SecP256K1Field.add(lambda, xx, lambda);
      SecP256K1Field.multiply(lambda, denominators[j], lambda, tt);
      twiceX[j] = Nat256.create();
      twiceY[j] = Nat256.create();
      chord(lambda, x[j], y[j], x[j], twiceX[j], twiceY[j], tt);
    }
    // (2i+1)P = (2i−1)P + 2P: λ = (y₂ − y₁) / (x₂ − x₁)
    for (int i = 1; i < per; i++) {
      for (int j = 0; j < m; j++) {
        SecP256K1Field.subtract(twiceX[j], tables[j].x()[i - 1], denominators[j]);
      }
      if (!invertAll(denominators)) {
        return null;
      }
      for (int j = 0; j < m; j++) {
        int[] y1 = tables[j].y()[i - 1];
        SecP256K1Field.subtract(twiceY[j], y1, lambda);
        SecP256K1Field.multiply(lambda, denominators[j], lambda, tt);
        tables[j].x()[i] = Nat256.create();
        tables[j].y()[i] = Nat256.create();
        chord(lambda, tables[j].x()[i - 1], y1, twiceX[j], tables[j].x()[i], tables[j].y()[i], tt);
      }
    }
    return tables;
  }

  /**
   * The third point on the line of slope λ through (x1, y1) and a point with x = x2, reflected: x'
   * = λ² − x1 − x2, y' = λ(x1 − x') − y1. The sum of the two points, or with x2 = x1 and the
   * tangent's slope, the double of (x1, y1). Writes outX and outY only.
   */
  private static void chord(
      int[] lambda, int[] x1, int[] y1, int[] x2, int[] outX, int[] outY, int[] tt) {
    SecP256K1Field.square(lambda, outX, tt);
    SecP256K1Field.subtract(outX, x1, outX);
    SecP256K1Field.subtract(outX, x2, outX);
    SecP256K1Field.subtract(x1, outX, outY);
    SecP256K1Field.multiply(lambda, outY, outY, tt);
    SecP256K1Field.subtract(outY, y1, outY);
  }

  /**
   * Replaces each element by its inverse, with one field inversion: prefix products forward, then
   * back. False (and nothing usable) if one is zero.
   */
  private static boolean invertAll(int[][] elements) {
    int n = elements.length;
    if (n == 0) {
      return true;
    }
    int[] tt = Nat256.createExt();
    int[][] prefix = new int[n][];
    int[] product = Nat256.create();
    product[0] = 1;
    for (int i = 0; i < n; i++) {
      if (Nat256.isZero(elements[i])) {
        return false;
      }
      prefix[i] = product.clone();
      SecP256K1Field.multiply(product, elements[i], product, tt);
    }
    int[] inverse = Nat256.create();
    SecP256K1Field.inv(product, inverse);
    int[] t = Nat256.create();
    for (int i = n - 1; i >= 0; i--) {
      SecP256K1Field.multiply(inverse, prefix[i], t, tt); // 1/e_i
      SecP256K1Field.multiply(inverse, elements[i], inverse, tt); // 1/(e_0 … e_{i−1})
      Nat256.copy(t, elements[i]);
    }
    return true;
  }
}

package io.assent.node.consent;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The tables of odd multiples that {@link SignatureBatch} adds from, built for all the batch's
 * points at once in affine coordinates: each step (2P for every point, then 3P, 5P, … for every
 * point) has one division per point, and the divisions of a step share one field inversion
 * (Montgomery's trick). An addition then costs about 6 field multiplications, against about 16 for
 * Bouncy Castle's Jacobian addition and the normalization the main loop's mixed additions need
 * after it; the tables were about a quarter of a batch's time before (JFR, 2026-11-30).
 */
final class AffineTables {
  /**
   * (1, 1): not a point of the curve, only a template. Bouncy Castle has no public constructor of a
   * point from field elements, and (1, 1) scaled by x and by y is the point (x, y).
   */
  private static final ECPoint ONE =
      SignatureBatch.CURVE.createPoint(BigInteger.ONE, BigInteger.ONE);

  private AffineTables() {}

  /**
   * For each affine (normalized) point P: P, 3P, 5P, … (2^(width−1) − 1)P, normalized. Null if a
   * step would divide by zero, which no point of the curve other than infinity makes happen (the
   * group's order is a large prime, so 2P ≠ O and (2j+1)P ≠ ±2P); callers count it as a failed
   * batch.
   */
  static ECPoint[][] oddMultiples(ECPoint[] points, int width) {
    int m = points.length;
    int per = 1 << (width - 2);
    ECFieldElement[] x = new ECFieldElement[m];
    ECFieldElement[] y = new ECFieldElement[m];
    ECFieldElement[] denominators = new ECFieldElement[m];
    for (int j = 0; j < m; j++) {
      x[j] = points[j].getAffineXCoord();
      y[j] = points[j].getAffineYCoord();
      denominators[j] = y[j].add(y[j]);
    }
    // 2P: λ = 3x² / 2y, x' = λ² − 2x, y' = λ(x − x') − y
    if (!invertAll(denominators)) {
      return null;
    }
    ECFieldElement[] twiceX = new ECFieldElement[m];
    ECFieldElement[] twiceY = new ECFieldElement[m];
    ECPoint[][] tables = new ECPoint[m][per];
    for (int j = 0; j < m; j++) {
      ECFieldElement xx = x[j].square();
      ECFieldElement lambda = xx.add(xx).add(xx).multiply(denominators[j]);
      twiceX[j] = lambda.square().subtract(x[j]).subtract(x[j]);
      twiceY[j] = lambda.multiply(x[j].subtract(twiceX[j])).subtract(y[j]);
      tables[j][0] = points[j];
    }
    // (2i+1)P = (2i−1)P + 2P: λ = (y₂ − y₁) / (x₂ − x₁), x' = λ² − x₁ − x₂, y' = λ(x₁ − x') − y₁
    for (int i = 1; i < per; i++) {
      for (int j = 0; j < m; j++) {
        denominators[j] = twiceX[j].subtract(x[j]);
      }
      if (!invertAll(denominators)) {
        return null;
      }
      for (int j = 0; j < m; j++) {
        ECFieldElement lambda = twiceY[j].subtract(y[j]).multiply(denominators[j]);
        ECFieldElement nextX = lambda.square().subtract(x[j]).subtract(twiceX[j]);
        y[j] = lambda.multiply(x[j].subtract(nextX)).subtract(y[j]);
        x[j] = nextX;
        tables[j][i] = ONE.scaleX(x[j]).scaleY(y[j]);
      }
    }
    return tables;
  }

  /** Replaces each element by its inverse; false (and nothing usable) if one is zero. */
  private static boolean invertAll(ECFieldElement[] elements) {
    for (ECFieldElement e : elements) {
      if (e.isZero()) {
        return false;
      }
    }
    ECAlgorithms.montgomeryTrick(elements, 0, elements.length);
    return true;
  }
}

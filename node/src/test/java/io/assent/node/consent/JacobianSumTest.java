package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

/** The in-place sum and the raw-word tables against Bouncy Castle's point arithmetic. */
class JacobianSumTest {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECPoint G = PARAMS.getG();

  private static ECPoint point(long k) {
    return G.multiply(BigInteger.valueOf(k)).normalize();
  }

  private static BigInteger[] affine(ECPoint p) {
    ECPoint n = p.normalize();
    return new BigInteger[] {
      n.getAffineXCoord().toBigInteger(), n.getAffineYCoord().toBigInteger()
    };
  }

  private static void add(JacobianSum sum, ECPoint p, boolean negate) {
    int[][] words = AffineTables.words(p);
    sum.add(words[0], words[1], negate);
  }

  @Test
  void randomChainsOfAdditionsSubtractionsAndDoublingsMatchBouncyCastle() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int round = 0; round < 40; round++) {
      JacobianSum sum = new JacobianSum();
      ECPoint expected = PARAMS.getCurve().getInfinity();
      for (int step = 0; step < 30; step++) {
        int kind = rng.nextInt(3);
        if (kind == 0) {
          sum.twice();
          expected = expected.twice();
        } else {
          ECPoint p = point(1 + rng.nextLong(1L << 40));
          add(sum, p, kind == 2);
          expected = kind == 2 ? expected.subtract(p) : expected.add(p);
        }
      }
      assertThat(sum.isInfinity()).isEqualTo(expected.isInfinity());
      assertThat(sum.affine()).containsExactly(affine(expected));
    }
  }

  @Test
  void addingItsOwnPointDoublesAndItsNegationGivesInfinity() {
    JacobianSum sum = new JacobianSum();
    add(sum, point(5), false);
    sum.twice(); // 10G, in Jacobian form with Z ≠ 1
    add(sum, point(10), false);
    assertThat(sum.affine()).containsExactly(affine(point(20)));
    add(sum, point(20), true);
    assertThat(sum.isInfinity()).isTrue();
    sum.twice();
    assertThat(sum.isInfinity()).as("twice infinity").isTrue();
    add(sum, point(7), true);
    assertThat(sum.affine()).containsExactly(affine(point(7).negate()));
  }

  @Test
  void tablesHoldTheOddMultiplesAndTheirEndomorphismImages() {
    ECPoint[] bases = {point(3), point(123_456_789), G.multiply(BigInteger.TWO.pow(200))};
    int[][] x = new int[bases.length][];
    int[][] y = new int[bases.length][];
    for (int j = 0; j < bases.length; j++) {
      int[][] words = AffineTables.words(bases[j]);
      x[j] = words[0];
      y[j] = words[1];
    }
    AffineTables.Table[] tables = AffineTables.oddMultiples(x, y, 5);
    // secp256k1's λ: the tables mapped with β must hold its multiples
    BigInteger lambda =
        new BigInteger("5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72", 16);
    for (int j = 0; j < bases.length; j++) {
      AffineTables.Table mapped = tables[j].mapped(SignatureBatch.BETA_WORDS);
      for (int i = 0; i < 8; i++) {
        ECPoint multiple = bases[j].multiply(BigInteger.valueOf(2L * i + 1));
        assertThat(words(tables[j], i)).containsExactly(affine(multiple));
        assertThat(words(mapped, i)).containsExactly(affine(multiple.multiply(lambda)));
      }
    }
  }

  private static BigInteger[] words(AffineTables.Table table, int i) {
    return new BigInteger[] {Nat256.toBigInteger(table.x()[i]), Nat256.toBigInteger(table.y()[i])};
  }
}

package io.assent.node.consent;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.ECPointMap;
import org.bouncycastle.math.ec.WNafUtil;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Field;
import org.bouncycastle.math.ec.endo.GLVEndomorphism;

/**
 * Verifies many secp256k1 signatures against the keys they claim, in one multi-scalar
 * multiplication: about half the CPU per signature of recovering each (see BENCHMARKS.md).
 *
 * <p>The equation. A signature (r, s, v) over the digest z recovers the key Q exactly when {@code
 * u1·G + u2·Q = R}, with {@code u1 = z/s}, {@code u2 = r/s} (mod n) and R the point whose x is r
 * and whose y has v's parity: recovery computes {@code Q = (s·R − z·G)/r}, the same equation solved
 * for Q. So a claim holds here exactly when web3j's recovery would return its key.
 *
 * <p>The batch. For claims 1..k the node draws secret random weights a_i and checks {@code Σ a_i·
 * (u1_i·G + u2_i·Q_i − R_i) = 0}. If every claim holds, so does the sum; if one does not (its error
 * E ≠ 0), then for any values of the other weights exactly one value of its own a_i mod n makes the
 * sum zero, so a submitter who cannot see the weights hits it with probability at most one over the
 * number of values a weight takes: 2^127 for a random 128-bit weight with its top bit set, over
 * 2^132 for a {@link SparseWeight}. The sum is computed as one interleaved sum (Straus): the
 * doublings are shared by all claims, each key's scalar is split in two 128-bit halves with the
 * curve's endomorphism (GLV), and each point adds from a table of its odd multiples, built in
 * affine coordinates for all points at once ({@link AffineTables}), into a sum kept in place
 * ({@link JacobianSum}). A false result says only that some claim fails; {@link GrantSigners} then
 * checks each alone.
 *
 * <p>The weights. A random 128-bit a_i costs ~21 additions of R_i (one per non-zero wNAF digit).
 * From {@link #SPARSE_FROM} claims on, each a_i is drawn directly as a sparse digit string instead:
 * 15 non-zero digits over 248 bits, 15 additions; the longer chain of doublings is shared by the
 * whole batch, so it pays off only in larger ones.
 */
final class SignatureBatch {
  static final ECCurve CURVE;
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = PARAMS.getN();
  private static final GLVEndomorphism GLV;
  private static final ECPointMap BETA;

  /** wNAF window of the claims' points: tables of 8 odd multiples (measured best, with 4 and 6). */
  private static final int WIDTH = 5;

  /** The generator's tables are built once, so they can be wider. */
  private static final int G_WIDTH = 8;

  private static final AffineTables.Table G_TABLE;
  private static final AffineTables.Table G_ENDO_TABLE;

  /**
   * β, with λ·(x, y) = (β·x, y): the endomorphism on the field words of a table. Never written to
   * after it is set.
   */
  static final int[] BETA_WORDS;

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * From this many claims on, the R_i weights are {@link SparseWeight}s: six fewer additions each,
   * for ~122 more doublings per batch (a doubling costs ~0.6 of an addition).
   */
  static final int SPARSE_FROM = 16;

  static {
    CURVE = PARAMS.getCurve();
    GLV = (GLVEndomorphism) CURVE.getEndomorphism();
    BETA = GLV.getPointMap();
    ECPoint g = PARAMS.getG();
    ECPoint lambdaG = BETA.map(g).normalize();
    BigInteger p = CURVE.getField().getCharacteristic();
    BigInteger gx = g.getAffineXCoord().toBigInteger();
    BETA_WORDS =
        SecP256K1Field.fromBigInteger(
            lambdaG.getAffineXCoord().toBigInteger().multiply(gx.modInverse(p)).mod(p));
    ECPoint[] gTable = oddMultiples(g, G_WIDTH);
    CURVE.normalizeAll(gTable);
    int[][] gx8 = new int[gTable.length][];
    int[][] gy8 = new int[gTable.length][];
    for (int i = 0; i < gTable.length; i++) {
      int[][] words = AffineTables.words(gTable[i]);
      gx8[i] = words[0];
      gy8[i] = words[1];
    }
    G_TABLE = new AffineTables.Table(gx8, gy8);
    G_ENDO_TABLE = G_TABLE.mapped(BETA_WORDS);
  }

  private SignatureBatch() {}

  /**
   * A signature over {@code digest} that claims {@code key} as its signer's.
   *
   * @param rPoint the signature's point R (x = r, y of the signature's parity)
   */
  record Claim(byte[] digest, Secp256k1Signature signature, ECPoint rPoint, SignerKey key) {
    /** Refused ({@code invalidSignature}) when r is the x of no point of the curve. */
    static Claim of(byte[] digest, Secp256k1Signature signature, SignerKey key) {
      byte[] compressed = new byte[33];
      compressed[0] = (byte) (2 + signature.yParity());
      byte[] r = signature.r().toByteArray();
      int length = Math.min(r.length, 32);
      System.arraycopy(r, r.length - length, compressed, 33 - length, length);
      ECPoint rPoint;
      try {
        rPoint = CURVE.decodePoint(compressed);
      } catch (RuntimeException e) {
        throw Secp256k1Signature.invalid("signature does not recover a key");
      }
      return new Claim(digest, signature, rPoint, key);
    }
  }

  /** One point's part of the sum: its table of odd multiples and its scalar's wNAF digits. */
  private record Term(AffineTables.Table table, byte[] naf, boolean negated) {
    static Term of(AffineTables.Table table, BigInteger k, int width) {
      return k.signum() < 0
          ? new Term(table, WNafUtil.generateWindowNaf(width, k.negate()), true)
          : new Term(table, WNafUtil.generateWindowNaf(width, k), false);
    }
  }

  /** True when every claim holds (up to the 2^-127 above); false when some claim does not. */
  static boolean holds(List<Claim> claims) {
    return holds(claims, claims.size() >= SPARSE_FROM);
  }

  /** {@link #holds}, with the R weights sparse or random 128-bit numbers as asked. */
  static boolean holds(List<Claim> claims, boolean sparse) {
    int k = claims.size();
    int[][] x = new int[2 * k][];
    int[][] y = new int[2 * k][];
    for (int i = 0; i < k; i++) {
      int[][] key = AffineTables.words(claims.get(i).key().point());
      int[][] r = AffineTables.words(claims.get(i).rPoint());
      x[2 * i] = key[0];
      y[2 * i] = key[1];
      x[2 * i + 1] = r[0];
      y[2 * i + 1] = r[1];
    }
    AffineTables.Table[] tables = AffineTables.oddMultiples(x, y, WIDTH);
    if (tables == null) {
      return false;
    }
    BigInteger[] inverses = inversesOfS(claims);
    byte[] random = new byte[(sparse ? SparseWeight.BYTES : 16) * k];
    RANDOM.nextBytes(random);
    List<Term> terms = new ArrayList<>(3 * k + 2);
    BigInteger g = BigInteger.ZERO;
    for (int i = 0; i < k; i++) {
      Claim claim = claims.get(i);
      BigInteger a;
      Term rTerm;
      if (sparse) {
        SparseWeight weight = SparseWeight.draw(random, SparseWeight.BYTES * i, RANDOM);
        a = weight.value();
        rTerm = new Term(tables[2 * i + 1], weight.digits(), true);
      } else {
        random[16 * i] |= (byte) 0x80; // a_i is never 0
        a = new BigInteger(1, random, 16 * i, 16);
        rTerm = Term.of(tables[2 * i + 1], a.negate(), WIDTH);
      }
      BigInteger aOverS = a.multiply(inverses[i]).mod(N);
      g = g.add(aOverS.multiply(new BigInteger(1, claim.digest())));
      BigInteger[] halves = GLV.decomposeScalar(aOverS.multiply(claim.signature().r()).mod(N));
      AffineTables.Table keyTable = tables[2 * i];
      terms.add(Term.of(keyTable, halves[0], WIDTH));
      terms.add(Term.of(keyTable.mapped(BETA_WORDS), halves[1], WIDTH));
      terms.add(rTerm); // − a_i·R_i: R's own table, the digits negated
    }
    BigInteger[] gHalves = GLV.decomposeScalar(g.mod(N));
    terms.add(Term.of(G_TABLE, gHalves[0], G_WIDTH));
    terms.add(Term.of(G_ENDO_TABLE, gHalves[1], G_WIDTH));
    return sum(terms).isInfinity();
  }

  /** Σ terms, most significant digit first: one doubling per digit position for all terms. */
  private static JacobianSum sum(List<Term> terms) {
    int length = 0;
    for (Term term : terms) {
      length = Math.max(length, term.naf().length);
    }
    JacobianSum sum = new JacobianSum();
    for (int bit = length - 1; bit >= 0; bit--) {
      sum.twice();
      for (Term term : terms) {
        byte[] naf = term.naf();
        if (bit < naf.length && naf[bit] != 0) {
          int digit = term.negated() ? -naf[bit] : naf[bit];
          int index = Math.abs(digit) >>> 1;
          sum.add(term.table().x()[index], term.table().y()[index], digit < 0);
        }
      }
    }
    return sum;
  }

  /** 1/s_i mod n for every claim, with one modular inversion (Montgomery's trick). */
  private static BigInteger[] inversesOfS(List<Claim> claims) {
    int k = claims.size();
    BigInteger[] prefix = new BigInteger[k];
    BigInteger product = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      prefix[i] = product;
      product = product.multiply(claims.get(i).signature().s()).mod(N);
    }
    BigInteger inverse = product.modInverse(N);
    BigInteger[] inverses = new BigInteger[k];
    for (int i = k - 1; i >= 0; i--) {
      inverses[i] = inverse.multiply(prefix[i]).mod(N);
      inverse = inverse.multiply(claims.get(i).signature().s()).mod(N);
    }
    return inverses;
  }

  /** P, 3P, 5P, … (2^(width−1) − 1)P, not normalized (for the generator's tables, built once). */
  private static ECPoint[] oddMultiples(ECPoint p, int width) {
    ECPoint[] table = new ECPoint[1 << (width - 2)];
    table[0] = p;
    ECPoint twice = p.twice();
    for (int i = 1; i < table.length; i++) {
      table[i] = table[i - 1].add(twice);
    }
    return table;
  }
}

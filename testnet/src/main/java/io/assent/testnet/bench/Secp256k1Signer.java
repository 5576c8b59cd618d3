package io.assent.testnet.bench;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * secp256k1 ECDSA signing of a 32-byte hash with an RFC 6979 nonce and low s, giving the same
 * signature as web3j's {@code Sign.signMessage(hash, key, false)}, about five times faster: the
 * recovery id comes from the parity of R's y coordinate, where web3j finds it by recovering public
 * keys until one matches. Only the event generator needs this speed (tens of thousands of
 * signatures); everything else signs with web3j.
 */
final class Secp256k1Signer {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters CURVE =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);
  private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

  private Secp256k1Signer() {}

  /** Signs {@code hash} (32 bytes) with {@code privateKey}; v is 27 or 28. */
  static Sign.SignatureData sign(byte[] hash, BigInteger privateKey) {
    if (hash.length != 32) {
      throw new IllegalArgumentException("hash must be 32 bytes");
    }
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, privateKey, hash);
    BigInteger e = new BigInteger(1, hash);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint point = MULTIPLIER.multiply(CURVE.getG(), k).normalize();
      BigInteger x = point.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = k.modInverse(N).multiply(e.add(privateKey.multiply(r))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      if (x.compareTo(N) >= 0) {
        continue; // recovery id 2 or 3 (chance ~2^-128): Ethereum's v cannot express it
      }
      int recoveryId = point.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
      if (s.compareTo(HALF_N) > 0) {
        s = N.subtract(s); // low s, as Ethereum requires; negating s flips R's parity
        recoveryId ^= 1;
      }
      return new Sign.SignatureData(
          (byte) (27 + recoveryId), Numeric.toBytesPadded(r, 32), Numeric.toBytesPadded(s, 32));
    }
  }
}

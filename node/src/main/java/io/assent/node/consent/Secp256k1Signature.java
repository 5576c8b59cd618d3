package io.assent.node.consent;

import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A 65-byte {@code r ‖ s ‖ v} secp256k1 signature (0x-hex), checked: r and s in [1, n), s in the
 * lower half (a high-s signature is the malleable twin of a low-s one, refused so that each grant
 * has one signature), v 27/28 or 0/1. Any refusal is {@code invalidSignature}.
 *
 * @param yParity 0 or 1: the parity of the y coordinate of the signature's point R (whose x is r)
 */
record Secp256k1Signature(BigInteger r, BigInteger s, int yParity) {
  private static final BigInteger N = Sign.CURVE_PARAMS.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);

  static Secp256k1Signature parse(String hex) {
    byte[] sig;
    try {
      sig = Numeric.hexStringToByteArray(hex);
    } catch (RuntimeException e) {
      throw invalid("signature is not hex");
    }
    if (sig.length != 65) {
      throw invalid("signature must be 65 bytes");
    }
    int v = sig[64];
    if (v == 27 || v == 28) {
      v -= 27;
    }
    if (v != 0 && v != 1) {
      throw invalid("signature v must be 27, 28, 0 or 1");
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    if (s.compareTo(HALF_N) > 0) {
      throw invalid("signature s is in the upper half (malleable)");
    }
    if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0) {
      throw invalid("signature does not recover a key");
    }
    return new Secp256k1Signature(r, s, v);
  }

  /** As web3j takes it, v 27/28. */
  Sign.SignatureData toWeb3j() {
    return new Sign.SignatureData(
        (byte) (27 + yParity), Numeric.toBytesPadded(r, 32), Numeric.toBytesPadded(s, 32));
  }

  static ConsentException invalid(String detail) {
    return new ConsentException(ConsentError.INVALID_SIGNATURE, detail);
  }
}

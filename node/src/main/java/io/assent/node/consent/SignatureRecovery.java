package io.assent.node.consent;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Locale;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Recovers the signer of a 65-byte {@code r ‖ s ‖ v} secp256k1 signature over a digest. */
public final class SignatureRecovery {
  private static final BigInteger HALF_N = Sign.CURVE_PARAMS.getN().shiftRight(1);

  private SignatureRecovery() {}

  /**
   * The signer's address (lower-case 0x-hex). {@code v} may be 27/28 or 0/1; a high-s (malleable)
   * signature is refused, so each grant has one signature.
   */
  public static String recover(byte[] digest, String signatureHex) {
    byte[] sig;
    try {
      sig = Numeric.hexStringToByteArray(signatureHex);
    } catch (RuntimeException e) {
      throw invalid("signature is not hex");
    }
    if (sig.length != 65) {
      throw invalid("signature must be 65 bytes");
    }
    byte v = sig[64];
    if (v == 0 || v == 1) {
      v += 27;
    }
    if (v != 27 && v != 28) {
      throw invalid("signature v must be 27, 28, 0 or 1");
    }
    byte[] r = Arrays.copyOfRange(sig, 0, 32);
    byte[] s = Arrays.copyOfRange(sig, 32, 64);
    if (new BigInteger(1, s).compareTo(HALF_N) > 0) {
      throw invalid("signature s is in the upper half (malleable)");
    }
    try {
      BigInteger key = Sign.signedMessageHashToKey(digest, new Sign.SignatureData(v, r, s));
      return Numeric.prependHexPrefix(Keys.getAddress(key)).toLowerCase(Locale.ROOT);
    } catch (SignatureException | RuntimeException e) {
      throw invalid("signature does not recover a key");
    }
  }

  private static ConsentException invalid(String detail) {
    return new ConsentException(ConsentError.INVALID_SIGNATURE, detail);
  }
}

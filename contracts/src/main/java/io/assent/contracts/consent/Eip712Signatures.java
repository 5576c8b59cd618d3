package io.assent.contracts.consent;

import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Signing and recovery over an EIP-712 digest, shared by every typed-data family. Signatures are 65
 * bytes {@code r ‖ s ‖ v}, 0x-hex. {@link #sign} writes v = 27/28; {@link #recover} takes v = 27/28
 * or 0/1 and refuses a high s (EIP-2), so each signed message has exactly one accepted signature.
 */
public final class Eip712Signatures {

  private static final BigInteger HALF_N = Sign.CURVE_PARAMS.getN().shiftRight(1);

  private Eip712Signatures() {}

  /** Signs {@code digest} (32 bytes, not hashed again) with {@code signer}'s key. */
  public static String sign(byte[] digest, Credentials signer) {
    Sign.SignatureData sig = Sign.signMessage(digest, signer.getEcKeyPair(), false);
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return Numeric.toHexString(out);
  }

  /**
   * The address (lower-case 0x-hex) whose key made {@code signatureHex} over {@code digest}.
   *
   * @throws IllegalArgumentException if the signature is not 65 bytes of hex, has a bad v or a high
   *     s, or recovers to no key
   */
  public static String recover(byte[] digest, String signatureHex) {
    if (signatureHex == null || !signatureHex.matches("0x[0-9a-fA-F]{130}")) {
      throw new IllegalArgumentException("signature must be 65 bytes of 0x-hex (r ‖ s ‖ v)");
    }
    byte[] sig = Numeric.hexStringToByteArray(signatureHex);
    int v = sig[64] & 0xff;
    int recId = v >= 27 ? v - 27 : v;
    if (recId != 0 && recId != 1) {
      throw new IllegalArgumentException("signature v must be 27, 28, 0 or 1, was " + v);
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
    if (r.signum() == 0 || s.signum() == 0 || s.compareTo(HALF_N) > 0) {
      throw new IllegalArgumentException("signature has a zero r/s or a high s (EIP-2)");
    }
    BigInteger key;
    try {
      key = Sign.recoverFromSignature(recId, new ECDSASignature(r, s), digest);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("signature recovers to no key", e);
    }
    if (key == null) {
      throw new IllegalArgumentException("signature recovers to no key");
    }
    return "0x" + Keys.getAddress(key);
  }
}

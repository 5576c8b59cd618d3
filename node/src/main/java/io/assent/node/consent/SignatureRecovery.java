package io.assent.node.consent;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Locale;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Recovers the signer of a 65-byte {@code r ‖ s ‖ v} secp256k1 signature over a digest. */
public final class SignatureRecovery {
  private SignatureRecovery() {}

  /**
   * The signer's address (lower-case 0x-hex). {@code v} may be 27/28 or 0/1; a high-s (malleable)
   * signature is refused, so each grant has one signature (see {@link Secp256k1Signature}).
   */
  public static String recover(byte[] digest, String signatureHex) {
    return recover(digest, Secp256k1Signature.parse(signatureHex));
  }

  static String recover(byte[] digest, Secp256k1Signature signature) {
    try {
      BigInteger key = Sign.signedMessageHashToKey(digest, signature.toWeb3j());
      return Numeric.prependHexPrefix(Keys.getAddress(key)).toLowerCase(Locale.ROOT);
    } catch (SignatureException | RuntimeException e) {
      throw Secp256k1Signature.invalid("signature does not recover a key");
    }
  }
}

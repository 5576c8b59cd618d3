package io.assent.node.consent;

import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The secp256k1 public key a request names as its signer's (SEC 1 encoding, 0x-hex: {@code 04 ‖ x ‖
 * y}, or compressed {@code 02|03 ‖ x}), and the address it controls ({@code keccak256(x ‖
 * y)[12..]}). The key is a claim, not trusted: a signature is then verified against it.
 *
 * @param point the key, a point of the curve other than infinity (checked)
 * @param address lower-case 0x-hex
 */
record SignerKey(ECPoint point, String address) {
  static SignerKey parse(String hex) {
    ECPoint point;
    try {
      point = SignatureBatch.CURVE.decodePoint(Numeric.hexStringToByteArray(hex)).normalize();
    } catch (RuntimeException e) {
      throw Secp256k1Signature.invalid("signerKey is not a secp256k1 public key");
    }
    if (point.isInfinity()) {
      throw Secp256k1Signature.invalid("signerKey is not a secp256k1 public key");
    }
    byte[] xy = point.getEncoded(false);
    byte[] hash = Hash.sha3(xy, 1, 64);
    String address = Numeric.toHexString(Arrays.copyOfRange(hash, 12, 32));
    return new SignerKey(point, address.toLowerCase(Locale.ROOT));
  }
}

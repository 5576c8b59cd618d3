package io.assent.contracts.did;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * The hash an identity owner signs so that anyone can relay an ERC-1056 operation:
 *
 * <pre>
 * keccak256(0x19 ‖ 0x00 ‖ registry ‖ nonce[owner] ‖ identity ‖ functionName ‖ args...)
 * </pre>
 *
 * packed as {@code abi.encodePacked} does (addresses 20 bytes, uints 32 bytes, bytes32 as is,
 * dynamic bytes unpadded). It is signed raw, without the "Ethereum Signed Message" prefix. There is
 * no chain id: the registry address is the only replay barrier between chains.
 */
public final class Erc1056SignedHash {

  private Erc1056SignedHash() {}

  /** The 32-byte hash for {@code operation}, given the owner's current registry nonce. */
  public static byte[] of(String registry, BigInteger ownerNonce, Erc1056Operation operation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x19);
    out.write(0x00);
    writeAddress(out, registry);
    writeUint(out, ownerNonce);
    writeAddress(out, operation.identity());
    out.writeBytes(operation.functionName().getBytes(StandardCharsets.US_ASCII));
    switch (operation) {
      case Erc1056Operation.ChangeOwner op -> writeAddress(out, op.newOwner());
      case Erc1056Operation.AddDelegate op -> {
        writeBytes32(out, op.delegateType());
        writeAddress(out, op.delegate());
        writeUint(out, op.validity());
      }
      case Erc1056Operation.RevokeDelegate op -> {
        writeBytes32(out, op.delegateType());
        writeAddress(out, op.delegate());
      }
      case Erc1056Operation.SetAttribute op -> {
        writeBytes32(out, op.name());
        out.writeBytes(op.value());
        writeUint(out, op.validity());
      }
      case Erc1056Operation.RevokeAttribute op -> {
        writeBytes32(out, op.name());
        out.writeBytes(op.value());
      }
    }
    return Hash.sha3(out.toByteArray());
  }

  /** Signs the hash of {@code operation} with the owner's key. */
  public static Erc1056Signature sign(
      String registry, BigInteger ownerNonce, Erc1056Operation operation, Credentials owner) {
    Sign.SignatureData sig =
        Sign.signMessage(of(registry, ownerNonce, operation), owner.getEcKeyPair(), false);
    return new Erc1056Signature(sig.getV()[0] & 0xff, sig.getR(), sig.getS());
  }

  /**
   * The address that signed {@code operation} with {@code signature}, lower-case 0x-hex.
   *
   * @throws IllegalArgumentException if no public key can be recovered
   */
  public static String recoverSigner(
      String registry,
      BigInteger ownerNonce,
      Erc1056Operation operation,
      Erc1056Signature signature) {
    byte[] hash = of(registry, ownerNonce, operation);
    try {
      BigInteger publicKey =
          Sign.signedMessageHashToKey(
              hash, new Sign.SignatureData((byte) signature.v(), signature.r(), signature.s()));
      return Numeric.prependHexPrefix(Keys.getAddress(publicKey));
    } catch (java.security.SignatureException | RuntimeException e) {
      throw new IllegalArgumentException("signature does not recover a public key", e);
    }
  }

  private static void writeAddress(ByteArrayOutputStream out, String address) {
    byte[] bytes = Numeric.hexStringToByteArray(address);
    if (bytes.length != 20) {
      throw new IllegalArgumentException("not a 20-byte address: " + address);
    }
    out.writeBytes(bytes);
  }

  private static void writeUint(ByteArrayOutputStream out, BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    out.writeBytes(Numeric.toBytesPadded(value, 32));
  }

  private static void writeBytes32(ByteArrayOutputStream out, byte[] value) {
    if (value.length != 32) {
      throw new IllegalArgumentException("not 32 bytes");
    }
    out.writeBytes(value);
  }
}

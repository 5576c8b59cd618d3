package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.CliException;
import io.assent.cli.Output;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Locale;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * EIP-712 typed data as a wallet's {@code eth_signTypedData_v4} takes it ({@code types,
 * primaryType, domain, message}): built for Assent's consent messages, hashed, signed and recovered
 * with web3j's generic encoder — so a receipt's typed data is checked without trusting its
 * producer.
 */
public final class TypedData {

  /** Domain name and version fixed by the consent design. */
  public static final String DOMAIN_NAME = "Assent";

  public static final String DOMAIN_VERSION = "1";

  private static final String[][] DOMAIN = {
    {"name", "string"},
    {"version", "string"},
    {"chainId", "uint256"},
    {"verifyingContract", "address"}
  };
  static final String[][] GRANT = {
    {"subject", "address"},
    {"dataset", "bytes32"},
    {"purposes", "string[]"},
    {"processing", "string"},
    {"legalBasis", "string"},
    {"noticeDigest", "bytes32"},
    {"noticeVersion", "string"},
    {"jurisdiction", "string"},
    {"validFrom", "uint64"},
    {"validUntil", "uint64"},
    {"nonce", "bytes32"}
  };
  static final String[][] SUBJECT_EVENT = {
    {"consentId", "bytes32"}, {"subject", "address"}, {"time", "uint64"}, {"nonce", "bytes32"}
  };

  private TypedData() {}

  /**
   * The typed data for {@code primaryType} ({@code ConsentGrant}, {@code ConsentWithdrawal}...).
   */
  public static ObjectNode of(
      BigInteger chainId, String verifyingContract, String primaryType, ObjectNode message) {
    ObjectNode typed = Output.JSON.createObjectNode();
    ObjectNode types = typed.putObject("types");
    types.set("EIP712Domain", fields(DOMAIN));
    types.set(primaryType, fields(primaryType.equals("ConsentGrant") ? GRANT : SUBJECT_EVENT));
    typed.put("primaryType", primaryType);
    ObjectNode domain = typed.putObject("domain");
    domain.put("name", DOMAIN_NAME);
    domain.put("version", DOMAIN_VERSION);
    domain.put("chainId", chainId.longValueExact());
    domain.put("verifyingContract", verifyingContract.toLowerCase(Locale.ROOT));
    typed.set("message", message);
    return typed;
  }

  private static ArrayNode fields(String[][] fields) {
    ArrayNode array = Output.JSON.createArrayNode();
    for (String[] field : fields) {
      array.addObject().put("name", field[0]).put("type", field[1]);
    }
    return array;
  }

  /** The EIP-712 digest of any typed data document. */
  public static byte[] hash(JsonNode typedData) {
    try {
      return new StructuredDataEncoder(Output.JSON.writeValueAsString(typedData))
          .hashStructuredData();
    } catch (IOException | RuntimeException e) {
      throw new CliException(
          "invalidTypedData", "malformed EIP-712 typed data: " + e.getMessage(), e);
    }
  }

  /** The 65-byte signature r‖s‖v (v = 27/28) as 0x-hex. */
  public static String sign(JsonNode typedData, Credentials key) {
    Sign.SignatureData sig = Sign.signMessage(hash(typedData), key.getEcKeyPair(), false);
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return Numeric.toHexString(out);
  }

  /** The lower-case address that signed {@code hash}, or empty if the signature is malformed. */
  public static java.util.Optional<String> recover(byte[] hash, String signatureHex) {
    byte[] sig;
    try {
      sig = Numeric.hexStringToByteArray(signatureHex);
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
    if (sig.length != 65) {
      return java.util.Optional.empty();
    }
    byte v = sig[64] < 27 ? (byte) (sig[64] + 27) : sig[64];
    Sign.SignatureData data =
        new Sign.SignatureData(v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
    try {
      BigInteger publicKey = Sign.signedMessageHashToKey(hash, data);
      return java.util.Optional.of("0x" + Keys.getAddress(publicKey).toLowerCase(Locale.ROOT));
    } catch (SignatureException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}

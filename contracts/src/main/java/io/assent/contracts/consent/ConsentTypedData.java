package io.assent.contracts.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.contracts.consent.Eip712Fields.Field;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * EIP-712 typed data of the consent messages: the digest a subject signs, signing with a key,
 * recovering the signer, and the JSON a wallet's {@code eth_signTypedData_v4} takes. Any EIP-712
 * wallet (MetaMask, ethers' {@code signTypedData}) produces signatures {@link #recover} accepts.
 *
 * <p>Signatures are 65 bytes {@code r ‖ s ‖ v}, 0x-hex. {@link #sign} writes v = 27/28; {@link
 * #recover} takes v = 27/28 or 0/1 and refuses a high s (EIP-2), so each signed message has exactly
 * one accepted signature.
 */
public final class ConsentTypedData {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger HALF_N = Sign.CURVE_PARAMS.getN().shiftRight(1);
  private static final long JS_SAFE_INTEGER = (1L << 53) - 1;

  private ConsentTypedData() {}

  /** The EIP-712 digest: keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)). */
  public static byte[] hash(Eip712Domain domain, ConsentMessage message) {
    return Eip712Hasher.digest(domain, message);
  }

  /** Signs the digest with {@code signer}'s key: 65-byte 0x-hex {@code r ‖ s ‖ v}, v = 27/28. */
  public static String sign(Eip712Domain domain, ConsentMessage message, Credentials signer) {
    Sign.SignatureData sig = Sign.signMessage(hash(domain, message), signer.getEcKeyPair(), false);
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return Numeric.toHexString(out);
  }

  /**
   * The address (lower-case 0x-hex) whose key made {@code signatureHex} over this message.
   *
   * @throws IllegalArgumentException if the signature is not 65 bytes of hex, has a bad v or a high
   *     s, or recovers to no key
   */
  public static String recover(Eip712Domain domain, ConsentMessage message, String signatureHex) {
    byte[] sig = signatureBytes(signatureHex);
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
      key = Sign.recoverFromSignature(recId, new ECDSASignature(r, s), hash(domain, message));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("signature recovers to no key", e);
    }
    if (key == null) {
      throw new IllegalArgumentException("signature recovers to no key");
    }
    return "0x" + Keys.getAddress(key);
  }

  /**
   * The typed data as {@code eth_signTypedData_v4} takes it: {@code {types, primaryType, domain,
   * message}}. Integers are JSON numbers up to 2^53-1 (exact in JavaScript) and decimal strings
   * above; byte values and addresses are lower-case 0x-hex.
   */
  public static String toTypedDataJson(Eip712Domain domain, ConsentMessage message) {
    String primaryType = Eip712Fields.primaryType(message);
    List<Field> domainFields = Eip712Fields.domain(domain);
    List<Field> messageFields = Eip712Fields.message(message);
    Map<String, Object> types = new LinkedHashMap<>();
    types.put(Eip712Fields.DOMAIN_TYPE, typeMembers(domainFields));
    types.put(primaryType, typeMembers(messageFields));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("types", types);
    root.put("primaryType", primaryType);
    root.put("domain", values(domainFields));
    root.put("message", values(messageFields));
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("typed data did not serialize", e);
    }
  }

  private static List<Map<String, String>> typeMembers(List<Field> fields) {
    return fields.stream()
        .map(
            f -> {
              Map<String, String> member = new LinkedHashMap<>();
              member.put("name", f.name());
              member.put("type", f.type());
              return member;
            })
        .toList();
  }

  private static Map<String, Object> values(List<Field> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : fields) {
      Object value = f.value();
      if (value instanceof Long n && n > JS_SAFE_INTEGER) {
        value = Long.toString(n);
      }
      out.put(f.name(), value);
    }
    return out;
  }

  private static byte[] signatureBytes(String signatureHex) {
    if (signatureHex == null || !signatureHex.matches("0x[0-9a-fA-F]{130}")) {
      throw new IllegalArgumentException("signature must be 65 bytes of 0x-hex (r ‖ s ‖ v)");
    }
    return Numeric.hexStringToByteArray(signatureHex);
  }
}

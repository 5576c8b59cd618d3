package io.assent.node.identity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * The verification method of a {@code did/pub/<algorithm>[/<purpose>][/<encoding>]} attribute, as
 * ethr-did-resolver 11.1.3 builds it: the type from the legacy maps, the key material by encoding.
 */
final class PublicKeyAttribute {

  static final String SIG_AUTH = "sigAuth";
  static final String ENC = "enc";

  private static final Map<String, String> LEGACY_PURPOSE_TYPES =
      Map.of(
          "sigAuth", "SignatureAuthentication2018",
          "veriKey", "VerificationKey2018",
          "enc", "KeyAgreementKey2019");

  private static final Map<String, String> LEGACY_TYPES =
      Map.of(
          "Secp256k1VerificationKey2018", "EcdsaSecp256k1VerificationKey2019",
          "Ed25519SignatureAuthentication2018", "Ed25519VerificationKey2018",
          "Secp256k1SignatureAuthentication2018", "EcdsaSecp256k1VerificationKey2019",
          "RSAVerificationKey2018", "RSAVerificationKey2018",
          "Ed25519VerificationKey2018", "Ed25519VerificationKey2018",
          "X25519KeyAgreementKey2019", "X25519KeyAgreementKey2019");

  private PublicKeyAttribute() {}

  /**
   * The method, or empty when its key material cannot be expressed (a {@code pem} value that is not
   * UTF-8); the caller counts the attribute either way.
   *
   * @param purpose {@code sigAuth}, {@code veriKey}, {@code enc}, anything else, or {@code null}
   * @param encoding {@code hex} (or {@code null}), {@code base64}, {@code base58}, {@code pem}, or
   *     anything else (then the raw hex goes under {@code value})
   */
  static Optional<ObjectNode> method(
      String id, String controller, String algorithm, String purpose, String encoding, byte[] key) {
    // The reference concatenates the purpose's legacy type (the string "undefined" when there is
    // no purpose) to the algorithm and looks that up; unknown combinations keep the algorithm.
    String purposeType =
        purpose == null ? "undefined" : LEGACY_PURPOSE_TYPES.getOrDefault(purpose, purpose);
    ObjectNode method = JsonNodeFactory.instance.objectNode();
    method.put("id", id);
    method.put("type", LEGACY_TYPES.getOrDefault(algorithm + purposeType, algorithm));
    method.put("controller", controller);
    String hex = Numeric.toHexStringNoPrefix(key);
    switch (encoding == null ? "hex" : encoding) {
      case "hex" -> method.put("publicKeyHex", hex);
      case "base64" -> method.put("publicKeyBase64", Base64.getEncoder().encodeToString(key));
      case "base58" -> method.put("publicKeyBase58", Base58.encode(key));
      case "pem" -> {
        Optional<String> pem = Bytes32Text.utf8(key);
        if (pem.isEmpty()) {
          return Optional.empty();
        }
        method.put("publicKeyPem", pem.get());
      }
      default -> method.put("value", hex);
    }
    return Optional.of(method);
  }
}

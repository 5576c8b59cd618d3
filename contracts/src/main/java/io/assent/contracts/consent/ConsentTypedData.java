package io.assent.contracts.consent;

import org.web3j.crypto.Credentials;

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

  private ConsentTypedData() {}

  /** The EIP-712 digest: keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message)). */
  public static byte[] hash(Eip712Domain domain, ConsentMessage message) {
    return Eip712Hasher.digest(domain, message);
  }

  /** Signs the digest with {@code signer}'s key: 65-byte 0x-hex {@code r ‖ s ‖ v}, v = 27/28. */
  public static String sign(Eip712Domain domain, ConsentMessage message, Credentials signer) {
    return Eip712Signatures.sign(hash(domain, message), signer);
  }

  /**
   * The address (lower-case 0x-hex) whose key made {@code signatureHex} over this message.
   *
   * @throws IllegalArgumentException if the signature is not 65 bytes of hex, has a bad v or a high
   *     s, or recovers to no key
   */
  public static String recover(Eip712Domain domain, ConsentMessage message, String signatureHex) {
    return Eip712Signatures.recover(hash(domain, message), signatureHex);
  }

  /**
   * The typed data as {@code eth_signTypedData_v4} takes it: {@code {types, primaryType, domain,
   * message}}. Integers are JSON numbers up to 2^53-1 (exact in JavaScript) and decimal strings
   * above; byte values and addresses are lower-case 0x-hex.
   */
  public static String toTypedDataJson(Eip712Domain domain, ConsentMessage message) {
    return Eip712Fields.typedDataJson(
        domain, Eip712Fields.primaryType(message), Eip712Fields.message(message));
  }
}

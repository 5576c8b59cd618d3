package io.assent.contracts.dataset;

import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.consent.Eip712Fields;
import io.assent.contracts.consent.Eip712Fields.Field;
import io.assent.contracts.consent.Eip712Hasher;
import io.assent.contracts.consent.Eip712Signatures;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * EIP-712 typed data of dataset registry operations, as the registry's {@code ...Signed} functions
 * verify them: domain {@link Eip712Domain#datasetRegistry}, one primary type per operation, the
 * signer's registry nonce as the last member. Any EIP-712 wallet produces signatures the registry
 * and {@link #recover} accept.
 *
 * <p>Signatures are 65 bytes {@code r ‖ s ‖ v}, 0x-hex, v = 27/28 from {@link #sign}; {@link
 * #recover} also takes v = 0/1 and refuses a high s, as the registry does.
 */
public final class DatasetTypedData {

  public static final String REGISTER_TYPE = "RegisterDataset";
  public static final String UPDATE_LICENSE_TYPE = "UpdateLicense";
  public static final String DEPRECATE_TYPE = "DeprecateDataset";
  public static final String TRANSFER_TYPE = "TransferCuratorship";

  private DatasetTypedData() {}

  /** The digest the signer signs: keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(op)). */
  public static byte[] hash(Eip712Domain domain, DatasetOperation op, BigInteger nonce) {
    return Eip712Hasher.digest(domain, primaryType(op), fields(op, nonce));
  }

  /** Signs the digest with {@code signer}'s key: 65-byte 0x-hex {@code r ‖ s ‖ v}. */
  public static String sign(
      Eip712Domain domain, DatasetOperation op, BigInteger nonce, Credentials signer) {
    return Eip712Signatures.sign(hash(domain, op, nonce), signer);
  }

  /**
   * The address (lower-case 0x-hex) whose key made {@code signatureHex} over {@code op} with {@code
   * nonce}.
   *
   * @throws IllegalArgumentException for a malformed signature (length, v, high s, no key)
   */
  public static String recover(
      Eip712Domain domain, DatasetOperation op, BigInteger nonce, String signatureHex) {
    return Eip712Signatures.recover(hash(domain, op, nonce), signatureHex);
  }

  /** The JSON {@code eth_signTypedData_v4} takes: {@code {types, primaryType, domain, message}}. */
  public static String toTypedDataJson(Eip712Domain domain, DatasetOperation op, BigInteger nonce) {
    return Eip712Fields.typedDataJson(domain, primaryType(op), fields(op, nonce));
  }

  /** The EIP-712 type string of {@code op}'s primary type, as the registry hashes it. */
  public static String typeString(DatasetOperation op) {
    return Eip712Fields.typeString(primaryType(op), fields(op, BigInteger.ZERO));
  }

  static String primaryType(DatasetOperation op) {
    return switch (op) {
      case DatasetOperation.Register r -> REGISTER_TYPE;
      case DatasetOperation.UpdateLicense u -> UPDATE_LICENSE_TYPE;
      case DatasetOperation.Deprecate d -> DEPRECATE_TYPE;
      case DatasetOperation.TransferCuratorship t -> TRANSFER_TYPE;
    };
  }

  static List<Field> fields(DatasetOperation op, BigInteger nonce) {
    if (nonce == null || nonce.signum() < 0 || nonce.bitLength() > 256) {
      throw new IllegalArgumentException("nonce must be a uint256, was " + nonce);
    }
    Field n = new Field("nonce", "uint256", nonce);
    return switch (op) {
      case DatasetOperation.Register r ->
          List.of(
              new Field("curator", "address", r.curator()),
              new Field("name", "string", r.name()),
              new Field("version", "string", r.version()),
              new Field("contentDigest", "bytes32", r.contentDigest()),
              new Field("metadataDigest", "bytes32", r.metadataDigest()),
              new Field("metadataUri", "string", r.metadataUri()),
              new Field("license", "string", r.license()),
              new Field("parents", "bytes32[]", r.parents()),
              n);
      case DatasetOperation.UpdateLicense u ->
          List.of(
              new Field("dataset", "bytes32", u.dataset()),
              new Field("license", "string", u.license()),
              n);
      case DatasetOperation.Deprecate d ->
          List.of(
              new Field("dataset", "bytes32", d.dataset()),
              new Field("reason", "string", d.reason()),
              n);
      case DatasetOperation.TransferCuratorship t ->
          List.of(
              new Field("dataset", "bytes32", t.dataset()),
              new Field("newCurator", "address", t.newCurator()),
              n);
    };
  }
}

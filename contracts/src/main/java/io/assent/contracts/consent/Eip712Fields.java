package io.assent.contracts.consent;

import java.util.List;

/**
 * The EIP-712 type of each consent message: its primary type name and its fields in signed order,
 * with their values. The single source of the type strings, the struct hash and the wallet JSON.
 */
final class Eip712Fields {

  /** One member of a struct: Solidity type, name, and value (String, List of String, or Long). */
  record Field(String name, String type, Object value) {}

  static final String DOMAIN_TYPE = "EIP712Domain";

  private Eip712Fields() {}

  static List<Field> domain(Eip712Domain d) {
    return List.of(
        new Field("name", "string", d.name()),
        new Field("version", "string", d.version()),
        new Field("chainId", "uint256", d.chainId()),
        new Field("verifyingContract", "address", d.verifyingContract()));
  }

  static String primaryType(ConsentMessage message) {
    return switch (message) {
      case ConsentGrant g -> "ConsentGrant";
      case ConsentWithdrawal w -> "ConsentWithdrawal";
      case ConsentErasure e -> "ConsentErasure";
    };
  }

  static List<Field> message(ConsentMessage message) {
    return switch (message) {
      case ConsentGrant g ->
          List.of(
              new Field("subject", "address", g.subject()),
              new Field("dataset", "bytes32", g.dataset()),
              new Field("purposes", "string[]", g.purposes()),
              new Field("processing", "string", g.processing()),
              new Field("legalBasis", "string", g.legalBasis()),
              new Field("noticeDigest", "bytes32", g.noticeDigest()),
              new Field("noticeVersion", "string", g.noticeVersion()),
              new Field("jurisdiction", "string", g.jurisdiction()),
              new Field("validFrom", "uint64", g.validFrom()),
              new Field("validUntil", "uint64", g.validUntil()),
              new Field("nonce", "bytes32", g.nonce()));
      case ConsentWithdrawal w ->
          subjectAction("consentId", w.consentId(), w.subject(), w.time(), w.nonce());
      case ConsentErasure e ->
          subjectAction("consentId", e.consentId(), e.subject(), e.time(), e.nonce());
    };
  }

  /** {@code Name(type name,type name,...)}: the string whose keccak256 is the type hash. */
  static String typeString(String primaryType, List<Field> fields) {
    StringBuilder out = new StringBuilder(primaryType).append('(');
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(fields.get(i).type()).append(' ').append(fields.get(i).name());
    }
    return out.append(')').toString();
  }

  private static List<Field> subjectAction(
      String idName, String id, String subject, long time, String nonce) {
    return List.of(
        new Field(idName, "bytes32", id),
        new Field("subject", "address", subject),
        new Field("time", "uint64", time),
        new Field("nonce", "bytes32", nonce));
  }
}

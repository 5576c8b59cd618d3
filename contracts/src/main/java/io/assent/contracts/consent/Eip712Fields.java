package io.assent.contracts.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EIP-712 type of each consent message: its primary type name and its fields in signed order,
 * with their values. The single source of the type strings, the struct hash and the wallet JSON.
 * The generic parts (fields, domain, type string, wallet JSON) are public so other typed data (the
 * dataset registry's) is hashed and serialized the same way.
 */
public final class Eip712Fields {

  /**
   * One member of a struct: name, Solidity type, and value. Values by type: {@code string}, {@code
   * address}, {@code bytes32} a String (hex for the latter two); {@code string[]}, {@code
   * bytes32[]} a List of String; {@code uint64}, {@code uint256} a Long or a BigInteger.
   */
  public record Field(String name, String type, Object value) {}

  public static final String DOMAIN_TYPE = "EIP712Domain";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long JS_SAFE_INTEGER = (1L << 53) - 1;

  private Eip712Fields() {}

  /** The fields of the EIP712Domain struct: name, version, chainId, verifyingContract. */
  public static List<Field> domain(Eip712Domain d) {
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
  public static String typeString(String primaryType, List<Field> fields) {
    StringBuilder out = new StringBuilder(primaryType).append('(');
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(fields.get(i).type()).append(' ').append(fields.get(i).name());
    }
    return out.append(')').toString();
  }

  /**
   * The typed data as {@code eth_signTypedData_v4} takes it: {@code {types, primaryType, domain,
   * message}}. Integers are JSON numbers up to 2^53-1 (exact in JavaScript) and decimal strings
   * above; byte values and addresses are lower-case 0x-hex.
   */
  public static String typedDataJson(
      Eip712Domain domain, String primaryType, List<Field> messageFields) {
    List<Field> domainFields = domain(domain);
    Map<String, Object> types = new LinkedHashMap<>();
    types.put(DOMAIN_TYPE, typeMembers(domainFields));
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
      } else if (value instanceof BigInteger n) {
        value = n.bitLength() <= 53 ? (Object) n.longValueExact() : n.toString();
      }
      out.put(f.name(), value);
    }
    return out;
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

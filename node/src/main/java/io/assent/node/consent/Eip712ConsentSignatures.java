package io.assent.node.consent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * EIP-712 digests of the consent types (the design page's type strings), through the typed-data
 * JSON a wallet's {@code eth_signTypedData_v4} takes.
 */
public final class Eip712ConsentSignatures implements ConsentSignatures {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SigningDomain domain;

  public Eip712ConsentSignatures(SigningDomain domain) {
    this.domain = domain;
  }

  @Override
  public SigningDomain domain() {
    return domain;
  }

  @Override
  public byte[] digest(Grant grant) {
    ObjectNode message = JSON.objectNode();
    message.put("subject", grant.subject());
    message.put("dataset", grant.dataset());
    ArrayNode purposes = message.putArray("purposes");
    grant.purposes().forEach(purposes::add);
    message.put("processing", grant.processing());
    message.put("legalBasis", grant.legalBasis());
    message.put("noticeDigest", grant.noticeDigest());
    message.put("noticeVersion", grant.noticeVersion());
    message.put("jurisdiction", grant.jurisdiction());
    message.put("validFrom", grant.validFrom());
    message.put("validUntil", grant.validUntil());
    message.put("nonce", grant.nonce());
    return hash(typedData("ConsentGrant", GRANT_FIELDS, message));
  }

  @Override
  public byte[] digest(SubjectAction action) {
    ObjectNode message = JSON.objectNode();
    message.put("consentId", action.consentId());
    message.put("subject", action.subject());
    message.put("time", action.time());
    message.put("nonce", action.nonce());
    String type =
        action.kind() == SubjectAction.Kind.WITHDRAWAL ? "ConsentWithdrawal" : "ConsentErasure";
    return hash(typedData(type, ACTION_FIELDS, message));
  }

  private static final String[][] GRANT_FIELDS = {
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

  private static final String[][] ACTION_FIELDS = {
    {"consentId", "bytes32"}, {"subject", "address"}, {"time", "uint64"}, {"nonce", "bytes32"}
  };

  private static final String[][] DOMAIN_FIELDS = {
    {"name", "string"},
    {"version", "string"},
    {"chainId", "uint256"},
    {"verifyingContract", "address"}
  };

  /** The typed data as {@code eth_signTypedData_v4} takes it. */
  ObjectNode typedData(String primaryType, String[][] fields, ObjectNode message) {
    ObjectNode typed = JSON.objectNode();
    ObjectNode types = typed.putObject("types");
    types.set("EIP712Domain", fieldList(DOMAIN_FIELDS));
    types.set(primaryType, fieldList(fields));
    typed.put("primaryType", primaryType);
    ObjectNode d = typed.putObject("domain");
    d.put("name", SigningDomain.NAME);
    d.put("version", SigningDomain.VERSION);
    d.put("chainId", domain.chainId());
    d.put("verifyingContract", domain.verifyingContract());
    typed.set("message", message);
    return typed;
  }

  private static ArrayNode fieldList(String[][] fields) {
    ArrayNode list = JSON.arrayNode();
    for (String[] field : fields) {
      list.addObject().put("name", field[0]).put("type", field[1]);
    }
    return list;
  }

  private static byte[] hash(ObjectNode typedData) {
    try {
      return new StructuredDataEncoder(typedData.toString()).hashStructuredData();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new ConsentException(ConsentError.INVALID_REQUEST, "cannot encode typed data: " + e);
    }
  }
}

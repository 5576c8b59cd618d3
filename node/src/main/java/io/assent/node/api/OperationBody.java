package io.assent.node.api;

import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.contracts.did.Erc1056Signature;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.utils.Numeric;

/**
 * The body of {@code POST /v1/identities/{did}/operations}, already checked against the OpenAPI
 * schema (types, patterns, no unknown members), turned into an {@link Erc1056Operation}. What the
 * schema cannot say — which members each operation needs, 32-byte names — is checked here.
 */
record OperationBody(
    Erc1056Operation operation, Erc1056Signature signature, Optional<BigInteger> nonce) {

  private static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  static OperationBody parse(String identity, JsonObject body) {
    String name = body.getString("operation");
    Erc1056Operation operation =
        switch (name) {
          case "changeOwner" ->
              new Erc1056Operation.ChangeOwner(identity, address(body, "newOwner"));
          case "addDelegate" ->
              new Erc1056Operation.AddDelegate(
                  identity,
                  bytes32(body, "delegateType"),
                  address(body, "delegate"),
                  uint(body, "validity"));
          case "revokeDelegate" ->
              new Erc1056Operation.RevokeDelegate(
                  identity, bytes32(body, "delegateType"), address(body, "delegate"));
          case "setAttribute" ->
              new Erc1056Operation.SetAttribute(
                  identity, bytes32(body, "name"), hex(body, "value"), uint(body, "validity"));
          case "revokeAttribute" ->
              new Erc1056Operation.RevokeAttribute(
                  identity, bytes32(body, "name"), hex(body, "value"));
          default -> throw invalid("unknown operation " + name);
        };
    Erc1056Signature signature;
    try {
      signature = Erc1056Signature.fromHex(body.getString("signature"));
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiError.INVALID_SIGNATURE, e.getMessage());
    }
    Optional<BigInteger> nonce = Optional.ofNullable(body.getString("nonce")).map(BigInteger::new);
    return new OperationBody(operation, signature, nonce);
  }

  private static String required(JsonObject body, String member) {
    String value = body.getString(member);
    if (value == null) {
      throw invalid(body.getString("operation") + " needs " + member);
    }
    return value;
  }

  private static String address(JsonObject body, String member) {
    return required(body, member).toLowerCase(java.util.Locale.ROOT);
  }

  private static byte[] bytes32(JsonObject body, String member) {
    try {
      return DidNames.encode(required(body, member));
    } catch (IllegalArgumentException e) {
      throw invalid(member + ": " + e.getMessage());
    }
  }

  private static byte[] hex(JsonObject body, String member) {
    return Numeric.hexStringToByteArray(required(body, member));
  }

  private static BigInteger uint(JsonObject body, String member) {
    BigInteger value = new BigInteger(required(body, member));
    if (value.compareTo(MAX_UINT256) > 0) {
      throw invalid(member + " exceeds uint256");
    }
    return value;
  }

  private static ApiException invalid(String detail) {
    return new ApiException(ApiError.INVALID_REQUEST, detail);
  }
}

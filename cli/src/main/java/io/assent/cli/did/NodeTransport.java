package io.assent.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliException;
import io.assent.contracts.did.DidEthr;
import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.contracts.did.Erc1056Signature;
import io.assent.contracts.did.Erc1056SignedHash;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Relays through an Assent node, which pays the gas. The key only signs the ERC-1056 hash, with the
 * registry address and owner nonce the node reports just before; the node checks the signature and
 * sends the {@code *Signed} transaction.
 *
 * <p>HTTP calls: {@code GET /v1/status} (chain id, registry), {@code GET /v1/identities/{did}}
 * (owner, nonce), {@code POST /v1/identities/{did}/operations}.
 */
public final class NodeTransport implements Transport {

  private final NodeClient node;
  private JsonNode status;

  public NodeTransport(NodeClient node) {
    this.node = node;
  }

  @Override
  public String describe() {
    return "node " + node.base();
  }

  @Override
  public BigInteger chainId() {
    JsonNode chainId = status().path("chainId");
    if (!chainId.canConvertToLong() || chainId.asLong() <= 0) {
      throw new CliException("nodeError", "the node at " + node.base() + " reports no chain id");
    }
    return BigInteger.valueOf(chainId.asLong());
  }

  @Override
  public Set<String> networkNames() {
    String name = status().path("networkName").asText("");
    return name.isEmpty() ? Set.of() : Set.of(name);
  }

  @Override
  public String owner(DidEthr did) {
    JsonNode identity = node.identity(did.toString());
    if (identity.path("deactivated").asBoolean(false)) {
      return ZERO_ADDRESS;
    }
    return identity.path("owner").asText("").toLowerCase(Locale.ROOT);
  }

  @Override
  public Submission submit(DidEthr did, Erc1056Operation operation, Credentials owner) {
    JsonNode identity = node.identity(did.toString());
    BigInteger nonce = new BigInteger(identity.path("nonce").asText("0"));
    String registry =
        identity.path("registry").asText(status().path("contracts").path("didRegistry").asText(""));
    if (!registry.matches("0x[0-9a-fA-F]{40}")) {
      throw new CliException(
          "nodeError", "the node at " + node.base() + " reports no DID registry");
    }
    Erc1056Signature signature = Erc1056SignedHash.sign(registry, nonce, operation, owner);
    JsonNode receipt = node.relay(did.toString(), body(operation, nonce, signature));
    String hash = receipt.path("transactionHash").asText("");
    if (hash.isEmpty()) {
      throw new CliException(
          "nodeError", "the node accepted the operation but sent no transaction hash");
    }
    JsonNode block = receipt.path("blockNumber");
    return new Submission(hash, block.canConvertToLong() ? block.asLong() : null, null, describe());
  }

  /** The request body of {@code POST /v1/identities/{did}/operations}. */
  static Map<String, Object> body(
      Erc1056Operation operation, BigInteger nonce, Erc1056Signature signature) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("operation", operation.functionName());
    switch (operation) {
      case Erc1056Operation.ChangeOwner op -> body.put("newOwner", op.newOwner());
      case Erc1056Operation.AddDelegate op -> {
        body.put("delegateType", DidNames.decode(op.delegateType()));
        body.put("delegate", op.delegate());
        body.put("validity", op.validity().toString());
      }
      case Erc1056Operation.RevokeDelegate op -> {
        body.put("delegateType", DidNames.decode(op.delegateType()));
        body.put("delegate", op.delegate());
      }
      case Erc1056Operation.SetAttribute op -> {
        body.put("name", DidNames.decode(op.name()));
        body.put("value", Numeric.toHexString(op.value()));
        body.put("validity", op.validity().toString());
      }
      case Erc1056Operation.RevokeAttribute op -> {
        body.put("name", DidNames.decode(op.name()));
        body.put("value", Numeric.toHexString(op.value()));
      }
    }
    body.put("nonce", nonce.toString());
    body.put("signature", signature.toHex());
    return body;
  }

  private JsonNode status() {
    if (status == null) {
      status = node.status();
    }
    return status;
  }

  @Override
  public void close() {
    node.close();
  }
}

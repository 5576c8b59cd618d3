package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.Output;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Verifies a consent receipt against the chain alone, trusting no node. Checks, each reported by
 * name: {@code leaf} (keccak256(salt ‖ JCS(record)) is the consent id), {@code signature} (the
 * EIP-712 typed data, bound to the receipt's chain and ConsentAnchor, recovers to the record's
 * signer), {@code merkleProof} (the leaf is under the root), {@code chain} (the endpoint is the
 * receipt's chain), {@code transaction} (the anchoring transaction succeeded in that block), {@code
 * anchorLog} (it emitted Anchored with that root from the ConsentAnchor), {@code confirmations}. It
 * also looks for a withdrawal of the consent in any later Anchored log and reports it.
 */
final class ReceiptVerifier {

  record Check(String name, boolean ok, String detail) {}

  /** A withdrawal found on chain: the Anchored log's transaction and block. */
  record Withdrawal(String transactionHash, long blockNumber) {}

  record Result(String consentId, List<Check> checks, Optional<Withdrawal> withdrawal) {
    boolean valid() {
      return checks.stream().allMatch(Check::ok);
    }
  }

  private static final Pattern ADDRESS = Pattern.compile("(0x[0-9a-fA-F]{40})$");

  private final ChainRpc rpc;
  private final long confirmations;

  ReceiptVerifier(ChainRpc rpc, long confirmations) {
    this.rpc = rpc;
    this.confirmations = confirmations;
  }

  Result verify(JsonNode receipt) {
    ReceiptFields fields = new ReceiptFields(receipt);
    Parts parts = Parts.of(fields);
    List<Check> checks = new ArrayList<>();
    checks.add(leaf(parts));
    checks.add(signature(parts));
    checks.add(merkleProof(parts));
    Optional<Withdrawal> withdrawal = Optional.empty();
    BigInteger chainId = hexOrDecimal(rpc.call("eth_chainId").asText());
    checks.add(
        check(
            "chain",
            parts.chainId != null && parts.chainId.equals(chainId),
            "endpoint chain " + chainId + ", receipt chain " + parts.chainId));
    JsonNode tx =
        parts.transactionHash == null
            ? null
            : rpc.call("eth_getTransactionReceipt", parts.transactionHash);
    checks.add(transaction(parts, tx));
    checks.add(anchorLog(parts, tx));
    long head = hexOrDecimal(rpc.call("eth_blockNumber").asText()).longValueExact();
    long have = parts.blockNumber == null ? 0 : head - parts.blockNumber.longValueExact() + 1;
    checks.add(
        check(
            "confirmations",
            parts.blockNumber != null && have >= confirmations,
            have + " confirmation(s), need " + confirmations));
    if (parts.consentAnchor != null && parts.blockNumber != null && parts.leaf != null) {
      withdrawal = findWithdrawal(parts);
    }
    return new Result(parts.leaf, checks, withdrawal);
  }

  private static Check leaf(Parts parts) {
    if (parts.record == null || parts.salt == null || parts.leaf == null) {
      return check("leaf", false, "the receipt lacks its record, salt or consent id");
    }
    byte[] salt = Numeric.hexStringToByteArray(parts.salt);
    byte[] canonical = Jcs.canonicalBytes(parts.record);
    byte[] both = new byte[salt.length + canonical.length];
    System.arraycopy(salt, 0, both, 0, salt.length);
    System.arraycopy(canonical, 0, both, salt.length, canonical.length);
    String computed = Numeric.toHexString(Hash.sha3(both));
    boolean ok = computed.equalsIgnoreCase(parts.leaf) && salt.length == 32;
    return check(
        "leaf",
        ok,
        ok
            ? "keccak256(salt ‖ JCS(record)) = " + computed
            : "computed " + computed + ", receipt says " + parts.leaf);
  }

  private static Check signature(Parts parts) {
    if (parts.typedData == null || parts.signature == null) {
      return check("signature", false, "the receipt lacks the typed data or the signature");
    }
    String signer = parts.signer();
    if (signer == null) {
      return check("signature", false, "the record names no signer");
    }
    JsonNode domain = parts.typedData.path("domain");
    BigInteger domainChain = hexOrDecimal(domain.path("chainId").asText(""));
    String contract = domain.path("verifyingContract").asText("");
    if (!domainChain.equals(parts.chainId)
        || !contract.equalsIgnoreCase(String.valueOf(parts.consentAnchor))) {
      return check(
          "signature",
          false,
          "the signed domain (chain "
              + domainChain
              + ", contract "
              + contract
              + ") is not the receipt's chain and ConsentAnchor");
    }
    Optional<String> recovered;
    try {
      recovered = TypedData.recover(TypedData.hash(parts.typedData), parts.signature);
    } catch (RuntimeException e) {
      return check("signature", false, "cannot hash the typed data: " + e.getMessage());
    }
    boolean ok = recovered.filter(signer::equalsIgnoreCase).isPresent();
    return check(
        "signature",
        ok,
        "recovers to " + recovered.orElse("nothing") + ", record signer " + signer);
  }

  private static Check merkleProof(Parts parts) {
    if (parts.leaf == null || parts.proof == null || parts.root == null) {
      return check("merkleProof", false, "the receipt lacks the leaf, proof or root");
    }
    boolean ok;
    try {
      ok = Merkle.verify(parts.leaf, parts.proof, parts.root);
    } catch (RuntimeException e) {
      ok = false;
    }
    return check(
        "merkleProof", ok, (ok ? "leaf is under root " : "leaf is not under root ") + parts.root);
  }

  private static Check transaction(Parts parts, JsonNode tx) {
    if (tx == null || tx.isNull()) {
      return check("transaction", false, "no transaction " + parts.transactionHash + " on chain");
    }
    boolean success = "0x1".equals(tx.path("status").asText());
    BigInteger block = hexOrDecimal(tx.path("blockNumber").asText(""));
    String hash = tx.path("blockHash").asText("");
    boolean ok =
        success
            && block.equals(parts.blockNumber)
            && hash.equalsIgnoreCase(String.valueOf(parts.blockHash));
    return check(
        "transaction",
        ok,
        (success ? "succeeded" : "FAILED (status " + tx.path("status").asText() + ")")
            + " in block "
            + block
            + " "
            + hash
            + (ok ? "" : "; receipt says block " + parts.blockNumber + " " + parts.blockHash));
  }

  private static Check anchorLog(Parts parts, JsonNode tx) {
    if (tx == null || tx.isNull() || parts.root == null || parts.consentAnchor == null) {
      return check("anchorLog", false, "no transaction, root or ConsentAnchor address to look at");
    }
    for (JsonNode log : tx.path("logs")) {
      Optional<AnchoredLog> anchored = AnchoredLog.decode(log);
      if (anchored.isPresent()
          && anchored.get().contract().equalsIgnoreCase(parts.consentAnchor)
          && anchored.get().root().equalsIgnoreCase(parts.root)) {
        return check(
            "anchorLog",
            true,
            "Anchored(root, count " + anchored.get().count() + ") from " + parts.consentAnchor);
      }
    }
    return check(
        "anchorLog",
        false,
        "the transaction has no Anchored log with root "
            + parts.root
            + " from "
            + parts.consentAnchor);
  }

  private Optional<Withdrawal> findWithdrawal(Parts parts) {
    ObjectNode filter = Output.JSON.createObjectNode();
    filter.put("address", parts.consentAnchor);
    filter.put("fromBlock", "0x" + parts.blockNumber.toString(16));
    filter.put("toBlock", "latest");
    filter.putArray("topics").add(AnchoredLog.TOPIC0);
    for (JsonNode log : rpc.call("eth_getLogs", filter)) {
      Optional<AnchoredLog> anchored = AnchoredLog.decode(log);
      if (anchored.isPresent()
          && anchored.get().withdrawn().stream().anyMatch(parts.leaf::equalsIgnoreCase)) {
        return Optional.of(
            new Withdrawal(
                log.path("transactionHash").asText(),
                hexOrDecimal(log.path("blockNumber").asText()).longValueExact()));
      }
    }
    return Optional.empty();
  }

  private static Check check(String name, boolean ok, String detail) {
    return new Check(name, ok, detail);
  }

  /** {@code 0x}-hex or decimal; -1 if neither (so it never matches). */
  static BigInteger hexOrDecimal(String text) {
    try {
      return text.startsWith("0x") ? Numeric.toBigInt(text) : new BigInteger(text);
    } catch (RuntimeException e) {
      return BigInteger.ONE.negate();
    }
  }

  /** The parts of a receipt that verification reads. */
  private record Parts(
      JsonNode record,
      String salt,
      String leaf,
      List<String> proof,
      String root,
      String signature,
      JsonNode typedData,
      BigInteger chainId,
      String consentAnchor,
      String transactionHash,
      BigInteger blockNumber,
      String blockHash) {

    static Parts of(ReceiptFields f) {
      List<String> proof =
          f.find(JsonNode::isArray, "merkleProof", "proof")
              .map(
                  a -> {
                    List<String> l = new ArrayList<>();
                    a.forEach(x -> l.add(x.asText()));
                    return l;
                  })
              .orElse(null);
      return new Parts(
          f.find(JsonNode::isObject, "record").orElse(null),
          f.text("salt").orElse(null),
          f.text("consentId", "leaf").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null),
          proof,
          f.text("merkleRoot", "root").orElse(null),
          f.text("signature").orElse(null),
          f.find(JsonNode::isObject, "typedData").orElse(null),
          f.text("chainId").map(ReceiptVerifier::hexOrDecimal).orElse(null),
          f.text("consentAnchor", "anchorContract", "verifyingContract").orElse(null),
          f.text("transactionHash", "txHash").orElse(null),
          f.text("blockNumber").map(ReceiptVerifier::hexOrDecimal).orElse(null),
          f.text("blockHash").orElse(null));
    }

    /** The record's signer as an address: a string (address or DID) or an object with one. */
    String signer() {
      Optional<JsonNode> node = ReceiptFields.find(record, n -> true, "signer");
      Optional<String> text =
          node.map(
              n -> n.isObject() ? n.path("address").asText(n.path("id").asText("")) : n.asText());
      return text.map(ADDRESS::matcher)
          .filter(Matcher::find)
          .map(m -> m.group(1).toLowerCase(Locale.ROOT))
          .orElse(null);
    }
  }
}

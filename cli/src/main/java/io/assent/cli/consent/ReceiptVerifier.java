package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.Output;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.consent.MerkleTree;
import io.assent.contracts.json.Jcs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

  private final ChainRpc rpc;
  private final long confirmations;

  private final String trustedAnchor;

  /**
   * @param trustedAnchor the ConsentAnchor the user trusts ({@code --anchor}), or null to take the
   *     receipt's: anyone can deploy a contract that emits Anchored, so pin it where it matters
   */
  ReceiptVerifier(ChainRpc rpc, long confirmations, String trustedAnchor) {
    this.rpc = rpc;
    this.confirmations = confirmations;
    this.trustedAnchor = trustedAnchor;
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
    checks.add(anchorLog(parts, tx, trustedAnchor));
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
    byte[] canonical = Jcs.canonicalize(parts.record);
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
    Optional<SignedRecord> signed = SignedRecord.of(parts.record);
    if (signed.isEmpty()) {
      return check("signature", false, "the record holds no complete signed grant");
    }
    Eip712Domain domain = signed.get().domain();
    if (parts.chainId == null
        || domain.chainId() != parts.chainId.longValue()
        || !domain.verifyingContract().equalsIgnoreCase(String.valueOf(parts.consentAnchor))) {
      return check(
          "signature",
          false,
          "the signed domain (chain "
              + domain.chainId()
              + ", contract "
              + domain.verifyingContract()
              + ") is not the receipt's chain and ConsentAnchor");
    }
    String recovered;
    try {
      recovered = ConsentTypedData.recover(domain, signed.get().grant(), signed.get().signature());
    } catch (IllegalArgumentException e) {
      return check("signature", false, "bad signature: " + e.getMessage());
    }
    boolean ok = recovered.equalsIgnoreCase(signed.get().signer());
    return check(
        "signature",
        ok,
        "EIP-712 ConsentGrant recovers to "
            + recovered
            + ", record signer "
            + signed.get().signer());
  }

  private static Check merkleProof(Parts parts) {
    if (parts.leaf == null || parts.proof == null || parts.root == null) {
      return check("merkleProof", false, "the receipt lacks the leaf, proof or root");
    }
    boolean ok;
    try {
      ok =
          MerkleTree.verify(
              Numeric.hexStringToByteArray(parts.leaf),
              parts.proof.stream().map(Numeric::hexStringToByteArray).toList(),
              Numeric.hexStringToByteArray(parts.root));
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

  private static Check anchorLog(Parts parts, JsonNode tx, String trustedAnchor) {
    if (trustedAnchor != null
        && !trustedAnchor.equalsIgnoreCase(String.valueOf(parts.consentAnchor))) {
      return check(
          "anchorLog",
          false,
          "the receipt names ConsentAnchor "
              + parts.consentAnchor
              + ", not "
              + trustedAnchor
              + " (--anchor)");
    }
    if (tx == null || tx.isNull() || parts.root == null || parts.consentAnchor == null) {
      return check("anchorLog", false, "no transaction, root or ConsentAnchor address to look at");
    }
    for (JsonNode log : tx.path("logs")) {
      Optional<AnchoredLog> anchored = AnchoredLog.decode(log);
      if (anchored.isPresent()
          && anchored.get().contract().equalsIgnoreCase(parts.consentAnchor)
          && anchored.get().event().root().equalsIgnoreCase(parts.root)) {
        return check(
            "anchorLog",
            true,
            "Anchored(root, count "
                + anchored.get().event().count()
                + ") from "
                + parts.consentAnchor);
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
          && anchored.get().event().withdrawn().stream().anyMatch(parts.leaf::equalsIgnoreCase)) {
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

  private static boolean isHashList(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
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
      BigInteger chainId,
      String consentAnchor,
      String transactionHash,
      BigInteger blockNumber,
      String blockHash) {

    static Parts of(ReceiptFields f) {
      List<String> proof =
          f.find(ReceiptVerifier::isHashList, "merkleProof", "proof")
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
          f.text("chainId").map(ReceiptVerifier::hexOrDecimal).orElse(null),
          f.text(
                  "consentAnchor",
                  "consentAnchorAddress",
                  "anchorContract",
                  "anchorAddress",
                  "verifyingContract")
              .orElse(null),
          f.text("transactionHash", "txHash").orElse(null),
          f.text("blockNumber").map(ReceiptVerifier::hexOrDecimal).orElse(null),
          f.text("blockHash").orElse(null));
    }
  }
}

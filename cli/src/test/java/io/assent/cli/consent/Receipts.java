package io.assent.cli.consent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.Output;
import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.consent.MerkleTree;
import io.assent.contracts.json.Jcs;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Hand-built receipts: a consent record shaped as the node builds it (ISO 27560/DPV with the
 * signature object), salted and hashed into a leaf, the leaf in a 3-leaf Merkle tree, and the
 * chain's answers for the anchoring transaction.
 */
final class Receipts {

  static final Credentials SUBJECT =
      Credentials.create("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
  static final Eip712Domain DOMAIN = Eip712Domain.assent(31337, FakeServer.ANCHOR);
  static final String TX_HASH = "0x" + "ab".repeat(32);
  static final String BLOCK_HASH = "0x" + "cd".repeat(32);
  static final long BLOCK = 16;
  static final String SALT = "0x" + "5a".repeat(32);

  private Receipts() {}

  static ConsentGrant grant() {
    return new ConsentGrant(
        SUBJECT.getAddress(),
        "0x" + "3f".repeat(32),
        List.of("ai:ModelTraining", "dpv:ScientificResearch"),
        "dpv:Use",
        "dpv:Consent",
        "0x" + "00".repeat(32),
        "v1",
        "EU",
        1_790_000_000L,
        1_830_000_000L,
        "0x" + "11".repeat(32));
  }

  /** A record like the node's ConsentRecord.canonical, signed by {@code signer}. */
  static ObjectNode record(ConsentGrant grant, Credentials signer) {
    String did = "did:ethr:0x7a69:" + grant.subject();
    ObjectNode record = Output.JSON.createObjectNode();
    record.putObject("@context").put("dpv", "https://w3id.org/dpv#");
    record.put("@type", "dpv:ConsentRecord");
    record.put("piiPrincipal", did);
    record.put("dataset", grant.dataset());
    ObjectNode processing = record.putObject("processing");
    ArrayNode purposes = processing.putArray("dpv:hasPurpose");
    grant.purposes().forEach(purposes::add);
    processing.put("dpv:hasProcessing", grant.processing());
    processing.put("dpv:hasLegalBasis", grant.legalBasis());
    processing.put("dpv:hasJurisdiction", grant.jurisdiction());
    processing
        .putObject("privacyNotice")
        .put("digest", grant.noticeDigest())
        .put("version", grant.noticeVersion());
    ObjectNode event = record.putObject("event");
    event.put("eventTime", 1_790_000_100L);
    event.put("validFrom", grant.validFrom());
    event.put("validUntil", grant.validUntil());
    event.put("dpv:hasIndicationMethod", "dpv:ExpressedConsent");
    ObjectNode sig = record.putObject("signature");
    sig.put("type", "EIP712");
    sig.putObject("domain")
        .put("name", "Assent")
        .put("version", "1")
        .put("chainId", DOMAIN.chainId())
        .put("verifyingContract", DOMAIN.verifyingContract());
    sig.put("subject", grant.subject());
    sig.put("nonce", grant.nonce());
    sig.put("value", ConsentTypedData.sign(DOMAIN, grant, signer));
    sig.put("signer", signer.getAddress());
    sig.put("signerRole", "owner");
    return record;
  }

  static String leaf(String salt, ObjectNode record) {
    byte[] s = Numeric.hexStringToByteArray(salt);
    byte[] c = Jcs.canonicalize(record);
    byte[] both = new byte[s.length + c.length];
    System.arraycopy(s, 0, both, 0, s.length);
    System.arraycopy(c, 0, both, s.length, c.length);
    return Numeric.toHexString(Hash.sha3(both));
  }

  /** A VC-shaped receipt for {@code record}, anchored as leaf 1 of 3. */
  static ObjectNode receipt(ObjectNode record) {
    String leaf = leaf(SALT, record);
    MerkleTree tree =
        MerkleTree.of(
            List.of(
                Hash.sha3(new byte[] {1}),
                Numeric.hexStringToByteArray(leaf),
                Hash.sha3(new byte[] {2})));
    ObjectNode receipt = Output.JSON.createObjectNode();
    receipt.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    receipt.putArray("type").add("VerifiableCredential").add("ConsentReceipt");
    ObjectNode subject = receipt.putObject("credentialSubject");
    subject.put("consentId", leaf);
    subject.set("record", record);
    subject.put("salt", SALT);
    ObjectNode anchor = subject.putObject("anchor");
    anchor.put("leaf", leaf);
    ArrayNode proof = anchor.putArray("proof");
    tree.proof(1).forEach(p -> proof.add(Numeric.toHexString(p)));
    anchor.put("root", Numeric.toHexString(tree.root()));
    anchor.put("txHash", TX_HASH);
    anchor.put("blockNumber", BLOCK);
    anchor.put("blockHash", BLOCK_HASH);
    anchor.put("chainId", 31337);
    anchor.put("consentAnchor", FakeServer.ANCHOR);
    return receipt;
  }

  /** Makes {@code chain} answer as a chain on which {@code receipt} was anchored, at head 20. */
  static void anchorOn(FakeServer chain, ObjectNode receipt) {
    String root = receipt.path("credentialSubject").path("anchor").path("root").asText();
    chain.rpcResults.put("eth_chainId", "0x7a69");
    chain.rpcResults.put("eth_blockNumber", "0x14");
    chain.rpcResults.put(
        "eth_getTransactionReceipt",
        Map.of(
            "transactionHash",
            TX_HASH,
            "status",
            "0x1",
            "blockNumber",
            "0x10",
            "blockHash",
            BLOCK_HASH,
            "logs",
            List.of(anchoredLog(root, List.of(), "0x10", TX_HASH))));
    chain.rpcResults.put("eth_getLogs", List.of());
  }

  static Map<String, Object> anchoredLog(
      String root, List<String> withdrawn, String block, String txHash) {
    StringBuilder data = new StringBuilder("0x");
    data.append(word(3)).append(word(64)).append(word(withdrawn.size()));
    withdrawn.forEach(id -> data.append(id.substring(2)));
    return Map.of(
        "address",
        FakeServer.ANCHOR,
        "topics",
        List.of(
            ConsentAnchorClient.ANCHORED_TOPIC,
            "0x" + "0".repeat(24) + "f39fd6e51aad88f6f4ce6ab8827279cfffb92266",
            root),
        "data",
        data.toString(),
        "blockNumber",
        block,
        "transactionHash",
        txHash,
        "removed",
        false);
  }

  private static String word(long value) {
    return String.format("%064x", value);
  }
}

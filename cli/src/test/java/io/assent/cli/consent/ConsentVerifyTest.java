package io.assent.cli.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import io.assent.cli.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/** {@code assent consent verify} on a hand-built receipt: every check, and every tampering. */
class ConsentVerifyTest {

  @TempDir Path home;
  FakeServer chain;
  CliRunner cli;
  ObjectNode receipt;

  @BeforeEach
  void setUp() throws Exception {
    chain = new FakeServer();
    cli = new CliRunner(home);
    receipt = Receipts.receipt(Receipts.record(Receipts.grant(), Receipts.SUBJECT));
    Receipts.anchorOn(chain, receipt);
  }

  @AfterEach
  void tearDown() {
    chain.close();
  }

  private Result verify(String... extra) throws Exception {
    Path file = home.resolve("receipt.json");
    Files.writeString(file, Output.toJson(receipt));
    String[] args = {"consent", "verify", file.toString(), "--rpc", chain.rpcUrl()};
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return cli.run(all);
  }

  private ObjectNode anchor() {
    return (ObjectNode) receipt.path("credentialSubject").path("anchor");
  }

  private ObjectNode record() {
    return (ObjectNode) receipt.path("credentialSubject").path("record");
  }

  /** The record changed by {@code change}, with the leaf, proof and root made to fit again. */
  private void replaceRecord(ObjectNode record) {
    receipt = Receipts.receipt(record);
    Receipts.anchorOn(chain, receipt);
  }

  @Test
  void anHonestReceiptPassesEveryCheck() throws Exception {
    Result result = verify("--json");
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    JsonNode out = Output.JSON.readTree(result.out());
    assertThat(out.path("valid").asBoolean()).isTrue();
    assertThat(out.path("checks").findValuesAsText("name"))
        .containsExactly(
            "leaf",
            "signature",
            "merkleProof",
            "chain",
            "transaction",
            "anchorLog",
            "confirmations");
    assertThat(out.path("checks").findValues("ok")).allMatch(JsonNode::asBoolean);
    assertThat(out.path("withdrawal").isNull()).isTrue();

    Result text = verify();
    assertThat(text.out()).contains("pass  leaf").contains("receipt verified");
  }

  @Test
  void theCredentialsOwnProofIsNotTakenForTheMerkleProof() throws Exception {
    receipt.putArray("proof").addObject().put("type", "DataIntegrityProof").put("proofValue", "z");
    receipt.put("issuer", "did:ethr:0x7a69:0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(verify().exitCode()).isZero();
  }

  @Test
  void theRpcEndpointCanComeFromTheEnvironment() throws Exception {
    Path file = home.resolve("receipt.json");
    Files.writeString(file, Output.toJson(receipt));
    cli.env("ASSENT_RPC", chain.rpcUrl());
    assertThat(cli.run("consent", "verify", file.toString()).exitCode()).isZero();
    Result none = new CliRunner(home).run("consent", "verify", file.toString());
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("missing --rpc");
  }

  @Test
  void aChangedSaltFailsTheLeaf() throws Exception {
    receipt.with("credentialSubject").put("salt", "0x" + "5b".repeat(32));
    assertFails(verify(), "leaf");
  }

  @Test
  void aChangedRecordFailsTheLeafAndTheSignature() throws Exception {
    ((com.fasterxml.jackson.databind.node.ArrayNode)
            record().path("processing").path("dpv:hasPurpose"))
        .add("dpv:Marketing");
    assertFails(verify(), "leaf", "signature");
  }

  @Test
  void aChangedProofFailsTheMerkleProof() throws Exception {
    anchor()
        .withArray("proof")
        .set(0, Output.JSON.getNodeFactory().textNode("0x" + "77".repeat(32)));
    assertFails(verify(), "merkleProof");
  }

  @Test
  void anotherRootFailsTheProofAndTheAnchorLog() throws Exception {
    anchor().put("root", "0x" + "88".repeat(32));
    assertFails(verify(), "merkleProof", "anchorLog");
  }

  @Test
  void aSignatureByAnotherKeyFailsTheSignatureOnly() throws Exception {
    Credentials mallory =
        Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    ObjectNode record = Receipts.record(Receipts.grant(), mallory);
    record.with("signature").put("signer", Receipts.SUBJECT.getAddress());
    replaceRecord(record);
    assertFails(verify(), "signature");
  }

  @Test
  void aSignatureForAnotherChainFailsTheSignature() throws Exception {
    ObjectNode record = Receipts.record(Receipts.grant(), Receipts.SUBJECT);
    record.with("signature").with("domain").put("chainId", 1);
    replaceRecord(record);
    assertFails(verify(), "signature");
  }

  @Test
  void aFailedOrMisplacedTransactionFails() throws Exception {
    anchor().put("blockHash", "0x" + "ce".repeat(32));
    assertFails(verify(), "transaction");

    chain.close();
    setUp();
    chain.rpcResults.put(
        "eth_getTransactionReceipt",
        Map.of(
            "status",
            "0x0",
            "blockNumber",
            "0x10",
            "blockHash",
            Receipts.BLOCK_HASH,
            "logs",
            List.of()));
    assertFails(verify(), "transaction", "anchorLog");

    chain.close();
    setUp();
    chain.rpcResults.remove("eth_getTransactionReceipt");
    assertFails(verify(), "transaction", "anchorLog");
  }

  @Test
  void anAnchoredLogFromAnotherContractDoesNotCount() throws Exception {
    anchor().put("consentAnchor", "0x" + "12".repeat(20));
    Result result = verify("--json");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("anchorLog");
  }

  @Test
  void anotherChainAndTooFewConfirmationsFail() throws Exception {
    chain.rpcResults.put("eth_chainId", "0x1");
    assertFails(verify(), "chain");

    chain.close();
    setUp();
    assertFails(verify("--confirmations", "6"), "confirmations");
    assertThat(verify("--confirmations", "5").exitCode()).isZero();
  }

  @Test
  void aPinnedAnchorMustBeTheReceiptsAnchor() throws Exception {
    assertThat(verify("--anchor", FakeServer.ANCHOR).exitCode()).isZero();
    Result other = verify("--anchor", "0x" + "12".repeat(20));
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.err()).contains("anchorLog");
  }

  @Test
  void aWithdrawalOnChainIsReported() throws Exception {
    String leaf = anchor().path("leaf").asText();
    String withdrawTx = "0x" + "ef".repeat(32);
    chain.rpcResults.put(
        "eth_getLogs",
        List.of(Receipts.anchoredLog("0x" + "99".repeat(32), List.of(leaf), "0x12", withdrawTx)));
    Result result = verify();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("withdrawn on chain in transaction " + withdrawTx + " (block 18)");
  }

  @Test
  void anUnreadableReceiptOrChainIsAOneLineError() throws Exception {
    Result missing =
        cli.run("consent", "verify", home.resolve("nope.json").toString(), "--rpc", chain.rpcUrl());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines()).singleElement().asString().contains("cannot read receipt");

    chain.close();
    Result down = verify();
    assertThat(down.exitCode()).isEqualTo(1);
    assertThat(down.errLines()).singleElement().asString().contains("JSON-RPC endpoint");
  }

  private static void assertFails(Result result, String... checks) {
    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly("assent: receipt NOT verified: failed " + String.join(", ", checks));
    for (String check : checks) {
      assertThat(result.out()).contains("FAIL  " + check);
    }
  }
}

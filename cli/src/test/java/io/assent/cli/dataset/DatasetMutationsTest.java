package io.assent.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import io.assent.cli.Output;
import io.assent.cli.consent.FakeServer;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.dataset.DatasetIds;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetTypedData;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * The dataset changes against a fake node (relay) and a fake chain (nonce reads): what they sign
 * and send, the id printed first, and refusals before anything is sent.
 */
class DatasetMutationsTest {

  static final String KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
  static final String ADDRESS = Credentials.create(KEY).getAddress();
  static final String REGISTRY = "0x" + "12".repeat(20);
  static final String ID = "0x" + "7b".repeat(32);
  static final String TX = "0x" + "ab".repeat(32);
  static final Eip712Domain DOMAIN = Eip712Domain.datasetRegistry(31337, REGISTRY);

  @TempDir Path home;
  FakeServer node;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    try {
      node = new FakeServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    node.answer(
        "/v1/status",
        200,
        "{\"chainId\":31337,\"networkName\":\"dev\",\"contracts\":{\"datasetRegistry\":\""
            + REGISTRY
            + "\"}}");
    node.answer(
        "/v1/datasets/operations", 202, "{\"txHash\":\"" + TX + "\",\"datasetId\":\"" + ID + "\"}");
    node.rpcResults.put("eth_chainId", "0x7a69");
    node.rpcResults.put("eth_getCode", "0x6080604052");
    node.rpcResults.put("eth_call", "0x" + "0".repeat(62) + "07"); // nonces(signer) = 7
    cli =
        new CliRunner(home)
            .env("ASSENT_PASSWORD", "pw")
            .env("ASSENT_KDF", "light")
            .env("ASSENT_RPC", node.rpcUrl())
            .env("KEY", KEY);
    assertThat(cli.run("key", "import", "--name", "curator", "--private-key-env", "KEY").exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() {
    node.close();
  }

  /** Runs a change relayed through the fake node (typed --node; the rpc setting is only read). */
  Result relay(String... args) {
    List<String> all = new ArrayList<>(List.of("dataset"));
    all.addAll(List.of(args));
    all.addAll(List.of("--node", node.url()));
    return cli.run(all.toArray(String[]::new));
  }

  JsonNode posted() {
    List<FakeServer.Request> posts = node.to("/v1/datasets/operations");
    assertThat(posts).hasSize(1);
    return posts.getFirst().body();
  }

  /** The signature of the posted body recovers to the key, over {@code op} with nonce 7. */
  void assertSignedByKey(JsonNode body, DatasetOperation op) {
    assertThat(body.path("signer").asText()).isEqualTo(ADDRESS);
    assertThat(body.path("nonce").asText()).isEqualTo("7");
    assertThat(
            DatasetTypedData.recover(
                DOMAIN, op, BigInteger.valueOf(7), body.path("signature").asText()))
        .isEqualTo(ADDRESS);
  }

  @Test
  void registerFromCroissantPrintsTheIdFirstAndRelaysTheSignedRegistration() {
    Path croissant = CroissantReaderTest.resource("full-1.1.json");
    Result done = relay("register", "--croissant", croissant.toString());
    assertThat(done.exitCode()).as(done.err()).isZero();
    String id = DatasetIds.of(ADDRESS, "Harbour Voices", "2.1.0");
    assertThat(done.out().lines().findFirst()).contains("dataset id " + id);
    assertThat(done.out()).containsOnlyOnce(id).contains("\n  license   CC-BY-4.0\n");
    assertThat(done.out()).contains("transaction " + TX + " sent by node " + node.url());
    assertThat(done.err())
        .contains(
            "prov:wasDerivedFrom 'https://data.example.org/raw-recordings' is not a dataset id");

    JsonNode body = posted();
    JsonNode op = body.path("operation");
    assertThat(op.path("type").asText()).isEqualTo("register");
    assertThat(op.path("curator").asText()).isEqualTo(ADDRESS);
    assertThat(op.path("license").asText()).isEqualTo("CC-BY-4.0");
    assertThat(op.path("metadataUri").asText())
        .isEqualTo("https://data.example.org/harbour-voices");
    assertThat(op.path("parents").get(0).asText()).isEqualTo(CroissantReaderTest.PARENT);
    DatasetOperation.Register expected =
        new DatasetOperation.Register(
            ADDRESS,
            "Harbour Voices",
            "2.1.0",
            "0x6764755bf855a2a6a7f4870d6b8fb26c56791e39c7230c7c61690274a11579b0",
            "0xfbdac6e3f5bdea0bca866a5d0c32f738659295b2543f51d45af6b86605b3d1cc",
            "https://data.example.org/harbour-voices",
            "CC-BY-4.0",
            List.of(CroissantReaderTest.PARENT));
    assertSignedByKey(body, expected);
  }

  @Test
  void flagsWinOverTheCroissantFileAndDryRunSendsNothing() throws Exception {
    String curator = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    Result dry =
        cli.run(
            "--json",
            "dataset",
            "register",
            "--croissant",
            CroissantReaderTest.resource("full-1.0.json").toString(),
            "--curator",
            "did:ethr:0x7a69:" + curator,
            "--license",
            "CC-BY-NC-4.0 OR ODbL-1.0",
            "--parent",
            ID,
            "--dry-run");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    JsonNode json = Output.JSON.readTree(dry.out());
    assertThat(json.path("dataset").asText())
        .isEqualTo(DatasetIds.of(curator, "Tide Tables Mini", "3"));
    assertThat(json.path("license").asText()).isEqualTo("CC-BY-NC-4.0 OR ODbL-1.0");
    assertThat(json.path("parents").get(0).asText()).isEqualTo(ID);
    assertThat(json.path("croissant").path("conformsTo").asText()).isEqualTo("1.0");
    assertThat(json.path("dryRun").asBoolean()).isTrue();
    assertThat(node.requests).isEmpty();
  }

  @Test
  void registerWithFlagsOnly() {
    Result done =
        relay(
            "register",
            "--name",
            "corpus",
            "--version",
            "1",
            "--license",
            "MIT",
            "--content-digest",
            "0x" + "aa".repeat(32));
    assertThat(done.exitCode()).as(done.err()).isZero();
    JsonNode op = posted().path("operation");
    assertThat(op.path("metadataDigest").asText()).isEqualTo("0x" + "00".repeat(32));
    assertThat(op.path("metadataUri").asText()).isEmpty();
    assertThat(op.path("parents")).isEmpty();
  }

  @Test
  void incompleteInputFailsBeforeAnythingIsSent() throws Exception {
    Result noName = relay("register", "--version", "1", "--license", "MIT", "--content-digest", ID);
    assertThat(noName.exitCode()).isEqualTo(2);
    assertThat(noName.err()).contains("missing --name (or take it from --croissant FILE)");

    Result badLicense =
        relay(
            "register",
            "--name",
            "a",
            "--version",
            "1",
            "--license",
            "Creative Commons",
            "--content-digest",
            ID);
    assertThat(badLicense.exitCode()).isEqualTo(1);
    assertThat(badLicense.errLines())
        .containsExactly(
            "assent: --license 'Creative Commons' is not an SPDX license expression: 'Creative' and"
                + " 'Commons' need AND, OR or WITH between them");

    Path noLicense = CroissantReaderTest.variant(home, root -> root.remove("license"));
    Result incomplete = relay("register", "--croissant", noLicense.toString());
    assertThat(incomplete.exitCode()).isEqualTo(1);
    assertThat(incomplete.errLines())
        .containsExactly("assent: croissant: missing required field 'license' (or give --license)");
    Result json = cli.run("--json", "dataset", "register", "--croissant", noLicense.toString());
    assertThat(Output.JSON.readTree(json.out()).path("error").path("code").asText())
        .isEqualTo("invalidCroissant");

    Result malformed =
        relay("register", "--croissant", CroissantReaderTest.resource("malformed.json").toString());
    assertThat(malformed.exitCode()).isEqualTo(1);
    assertThat(malformed.err()).startsWith("assent: croissant: the file is not valid JSON at line");
    assertThat(node.requests).isEmpty();
  }

  @Test
  void theNodesRefusalIsOneLineWithItsCode() {
    node.answer(
        "/v1/datasets/operations",
        403,
        "{\"code\":\"notCuratorAgent\",\"status\":403,\"detail\":\"0xabc is not an agent of 0xdef\"}");
    Result refused = relay("deprecate", ID, "--reason", "old");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines())
        .containsExactly(
            "assent: the node refused: notCuratorAgent: 0xabc is not an agent of 0xdef");
  }

  @Test
  void updateLicenseDeprecateAndTransferAreSignedOperations() {
    assertThat(relay("update-license", ID, "--license", "CC-BY-4.0").exitCode()).isZero();
    assertSignedByKey(posted(), new DatasetOperation.UpdateLicense(ID, "CC-BY-4.0"));
    node.requests.clear();

    assertThat(relay("deprecate", ID, "--reason", "superseded by 3.0").exitCode()).isZero();
    assertSignedByKey(posted(), new DatasetOperation.Deprecate(ID, "superseded by 3.0"));
    node.requests.clear();

    String to = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    Result moved = relay("transfer", ID, "--to", "did:ethr:dev:" + to);
    assertThat(moved.exitCode()).as(moved.err()).isZero();
    assertThat(moved.out()).startsWith("curatorship of dataset " + ID + " transferred to " + to);
    JsonNode body = posted();
    assertThat(body.path("operation").path("newCurator").asText()).isEqualTo(to);
    assertSignedByKey(body, new DatasetOperation.TransferCuratorship(ID, to));
  }

  @Test
  void aDidOnAnotherChainIsRefused() {
    Result wrong =
        relay("transfer", ID, "--to", "did:ethr:0x1:0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("is on chain 1, but the registry is on chain 31337");
    assertThat(node.to("/v1/datasets/operations")).isEmpty();
  }

  @Test
  void withoutAChainTheNonceComesFromTheNodeAndTheNodesRegistryMustMatch() {
    node.answer(
        "/v1/datasets/signers/" + ADDRESS,
        200,
        "{\"signer\":\"" + ADDRESS + "\",\"nonce\":\"7\",\"chainId\":31337}");
    CliRunner noRpc =
        new CliRunner(home).env("ASSENT_PASSWORD", "pw").env("ASSENT_NODE", node.url());
    Result relayed = noRpc.run("dataset", "deprecate", ID, "--reason", "x");
    assertThat(relayed.exitCode()).as(relayed.err()).isZero();
    assertSignedByKey(posted(), new DatasetOperation.Deprecate(ID, "x"));
    node.requests.clear();

    Result mismatch =
        relay("deprecate", ID, "--reason", "x", "--dataset-registry", "0x" + "34".repeat(20));
    assertThat(mismatch.exitCode()).isEqualTo(1);
    assertThat(mismatch.err()).contains("relays to DatasetRegistry " + REGISTRY + ", not 0x3434");

    Result direct = cli.run("dataset", "deprecate", ID, "--reason", "x", "--rpc", node.rpcUrl());
    assertThat(direct.exitCode()).isEqualTo(1);
    assertThat(direct.errLines())
        .containsExactly(
            "assent: --rpc needs --dataset-registry ADDR (the DatasetRegistry contract)");
    assertThat(node.to("/v1/datasets/operations")).isEmpty();
  }

  @Test
  void anRpcSettingWithoutADatasetRegistryIsOnlyReadAndTheNodeRelays() {
    CliRunner settings = cli.env("ASSENT_NODE", node.url()); // ASSENT_RPC is set too
    Result relayed = settings.run("dataset", "deprecate", ID, "--reason", "old");
    assertThat(relayed.exitCode()).as(relayed.err()).isZero();
    assertThat(relayed.out()).contains("sent by node " + node.url());
    assertSignedByKey(posted(), new DatasetOperation.Deprecate(ID, "old"));
  }

  @Test
  void helpShowsTheCroissantMapping() {
    Result help = cli.run("dataset", "register", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--version=VERSION")
        .contains("LC_ALL=C sort | xxd -r -p | sha256sum")
        .contains("joined with AND")
        .contains("RFC 8785");
  }
}

package io.assent.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import io.assent.cli.Output;
import io.assent.cli.consent.FakeServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * The dataset read commands against a node serving golden answers (the JSON shapes of
 * openapi.yaml's dataset endpoints): what they ask, how they print, and their exit codes.
 */
class DatasetQueriesTest {

  static final String KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
  static final String ID = "0x" + "7b".repeat(32);
  static final String A = "0x" + "a1".repeat(32);
  static final String G = "0x" + "9e".repeat(32);
  static final String CURATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

  @TempDir Path home;
  FakeServer node;
  CliRunner cli;

  static String golden(String name) {
    try (InputStream in = DatasetQueriesTest.class.getResourceAsStream("/dataset/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    node = new FakeServer();
    cli = new CliRunner(home).env("ASSENT_NODE", node.url()).env("ASSENT_KDF", "light");
  }

  @AfterEach
  void tearDown() {
    node.close();
  }

  @Test
  void showPrintsTheDatasetAndItsChainRecord() throws Exception {
    node.answer("/v1/datasets/" + ID, 200, golden("dataset.json"));
    Result shown = cli.run("dataset", "show", ID);
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out())
        .contains("dataset     " + ID)
        .contains("name        Harbour Voices 2.1.0")
        .contains("curator     did:ethr:0x7a69:" + CURATOR)
        .contains("license     CC-BY-NC-4.0")
        .contains("parents     " + A + "\n            0x" + "b2".repeat(32))
        .contains("metadata    0xfbdac6e3")
        .contains("registered  block 40, tx 0x" + "29".repeat(32) + ", ")
        .contains("relicensed  block 52")
        .contains("DEPRECATED  \"superseded by 3.0\", block 60");

    Result json = cli.run("--json", "dataset", "show", ID);
    assertThat(Output.JSON.readTree(json.out()))
        .isEqualTo(Output.JSON.readTree(golden("dataset.json")));
  }

  @Test
  void showWithHistoryListsTheEventsInChainOrder() throws Exception {
    node.answer("/v1/datasets/" + ID, 200, golden("dataset.json"));
    node.answer("/v1/datasets/" + ID + "/history", 200, golden("history.json"));
    Result shown = cli.run("dataset", "show", ID, "--history");
    assertThat(shown.out())
        .containsSubsequence(
            "history",
            "registered     CC-BY-4.0  block 40",
            "licenseChanged CC-BY-NC-4.0  block 52",
            "deprecated     \"superseded by 3.0\"  block 60");
    JsonNode json =
        Output.JSON.readTree(cli.run("--json", "dataset", "show", ID, "--history").out());
    assertThat(json.path("history").path("events")).hasSize(3);
    assertThat(json.path("dataset").path("id").asText()).isEqualTo(ID);
  }

  @Test
  void theNodesRefusalIsOneLineWithItsCode() throws Exception {
    node.answer(
        "/v1/datasets/" + ID,
        404,
        "{\"type\":\"about:blank\",\"code\":\"datasetNotFound\",\"status\":404,"
            + "\"detail\":\"no dataset "
            + ID
            + "\"}");
    Result missing = cli.run("dataset", "show", ID);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines())
        .containsExactly("assent: the node refused: datasetNotFound: no dataset " + ID);
    Result json = cli.run("--json", "dataset", "show", ID);
    assertThat(Output.JSON.readTree(json.out()).path("error").path("code").asText())
        .isEqualTo("datasetNotFound");
  }

  @Test
  void aMalformedIdIsAUsageErrorAndAsksNothing() {
    Result bad = cli.run("dataset", "show", "0x1234");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.errLines()).singleElement().asString().contains("is not 0x + 64 hex digits");
    assertThat(node.requests).isEmpty();
  }

  @Test
  void listFiltersAndFollowsPages() throws Exception {
    String did = "did:ethr:0x7a69:" + CURATOR;
    node.answer("/v1/datasets", 200, golden("list-page1.json"));
    Result page = cli.run("dataset", "list", "--curator", did, "--license", "CC-BY-4.0");
    assertThat(page.exitCode()).isZero();
    assertThat(node.requests.getLast().path())
        .isEqualTo(
            "/v1/datasets?curator=did%3Aethr%3A0x7a69%3A"
                + CURATOR
                + "&license=CC-BY-4.0&limit=100");
    assertThat(page.out())
        .isEqualTo(
            "Harbour Voices 2.1.0  [CC-BY-NC-4.0]  "
                + ID
                + "  (deprecated)\n"
                + "(more: --after "
                + ID
                + ")\n");

    node.answer("/v1/datasets?after=" + ID + "&limit=1", 200, golden("list-page2.json"));
    node.answer("/v1/datasets?limit=1", 200, golden("list-page1.json"));
    JsonNode all =
        Output.JSON.readTree(cli.run("--json", "dataset", "list", "--all", "--limit", "1").out());
    assertThat(all.path("datasets").findValuesAsText("id")).containsExactly(ID, A);
    assertThat(all.has("next")).isFalse();
  }

  @Test
  void listRefusesALimitOutOfRange() {
    Result bad = cli.run("dataset", "list", "--limit", "0");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--limit must be 1 to 1000");
    assertThat(node.requests).isEmpty();
  }

  @Test
  void lineageIsATreeWithEachLicenseAndADiamondExpandedOnce() {
    node.answer("/v1/datasets/" + ID + "/lineage", 200, golden("lineage.json"));
    Result tree = cli.run("dataset", "lineage", ID, "--depth", "3");
    assertThat(tree.exitCode()).as(tree.err()).isZero();
    assertThat(node.requests.getLast().path())
        .isEqualTo("/v1/datasets/" + ID + "/lineage?direction=ancestors&depth=3");
    assertThat(tree.out())
        .isEqualTo(
            "Harbour Voices 2.1.0  [CC-BY-NC-4.0]  "
                + ID
                + "  (deprecated)\n"
                + "├── Transcripts 1.0  [CC-BY-4.0]  "
                + A
                + "\n"
                + "│   └── Raw Recordings 0.9  [CC0-1.0]  "
                + G
                + "\n"
                + "└── Audio 1.0  [LicenseRef-archive (not valid SPDX)]  0x"
                + "b2".repeat(32)
                + "\n"
                + "    └── Raw Recordings 0.9  [CC0-1.0]  "
                + G
                + "\n");
  }

  @Test
  void lineageAsksForDescendantsAndChecksTheDepth() {
    node.answer("/v1/datasets/" + ID + "/lineage", 200, golden("lineage.json"));
    assertThat(cli.run("dataset", "lineage", ID, "--direction", "DESCENDANTS").exitCode()).isZero();
    assertThat(node.requests.getLast().path()).endsWith("?direction=descendants&depth=100");
    Result deep = cli.run("dataset", "lineage", ID, "--depth", "101");
    assertThat(deep.exitCode()).isEqualTo(2);
    assertThat(cli.run("dataset", "lineage", ID, "--direction", "sideways").exitCode())
        .isEqualTo(2);
  }

  @Test
  void permitsNamesTheDecidingLicenseAndExitsOneWhenDenied() throws Exception {
    node.answer("/v1/datasets/" + ID + "/permits", 200, golden("permits-denied.json"));
    Result denied =
        cli.run(
            "dataset", "permits", ID, "--purpose", "commercial-ai-training", "--at", "2026-12-01");
    assertThat(denied.exitCode()).isEqualTo(1);
    assertThat(node.requests.getLast().path())
        .isEqualTo("/v1/datasets/" + ID + "/permits?purpose=commercial-ai-training&at=1796083200");
    assertThat(denied.out())
        .startsWith("denied: commercial-ai-training of " + ID + " at 2026-11-30T")
        .contains(
            "\n  license   denied      "
                + ID
                + "  CC-BY-NC-4.0\n"
                + " ".repeat(24)
                + "CC-BY-NC-4.0 forbids commercial use")
        .contains("\n  license   conditional " + A + "  CC-BY-4.0  (attribution)\n")
        .contains("consents: 3 total, 2 valid, 0 pending, 1 withdrawn, 0 expired, 0 erased")
        .contains("evidence: 1 registrations, 1 license changes, 1 anchors");
    assertThat(denied.err()).isEmpty();

    ObjectNode conditionalAnswer = (ObjectNode) Output.JSON.readTree(golden("permits-denied.json"));
    conditionalAnswer.put("decision", "conditional");
    node.answer("/v1/datasets/" + ID + "/permits", 200, conditionalAnswer.toString());
    Result conditional =
        cli.run("--json", "dataset", "permits", ID, "--purpose", "non-commercial-research");
    assertThat(conditional.exitCode()).isZero();
    assertThat(Output.JSON.readTree(conditional.out()).path("decision").asText())
        .isEqualTo("conditional");
  }

  @Test
  void manifestSignsInAsTheCuratorAndWritesJsonLines() throws Exception {
    node.answer(
        "/v1/status",
        200,
        "{\"chainId\":31337,\"contracts\":{\"datasetRegistry\":\"0x" + "12".repeat(20) + "\"}}");
    node.answer("/v1/datasets/" + ID + "/consent-manifest", 200, golden("manifest.jsonl"));
    cli.env("ASSENT_PASSWORD", "pw").env("KEY", KEY);
    assertThat(cli.run("key", "import", "--name", "curator", "--private-key-env", "KEY").exitCode())
        .isZero();
    Path file = home.resolve("out/consented.jsonl");
    Result written =
        cli.run(
            "dataset",
            "manifest",
            ID,
            "--purpose",
            "commercial-ai-training",
            "--out",
            file.toString());
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).isEqualTo("2 consents written to " + file + "\n");
    assertThat(Files.readString(file)).isEqualTo(golden("manifest.jsonl"));

    FakeServer.Request request = node.to("/v1/datasets/" + ID + "/consent-manifest").getLast();
    assertThat(request.path()).endsWith("?purpose=commercial-ai-training");
    String message = siweMessage(request.authorization());
    assertThat(message)
        .startsWith(request.host() + " wants you to sign in with your Ethereum account:\n")
        .contains("\n" + Keys.toChecksumAddress(Credentials.create(KEY).getAddress()) + "\n")
        .contains("\nAssent: read the consent manifest of my dataset\n")
        .contains("Chain ID: 31337");

    node.answer(
        "/v1/datasets/" + ID + "/consent-manifest?withdrawnSince=12",
        200,
        "{\"consentId\":\"0x"
            + "c3".repeat(32)
            + "\",\"withdrawnAt\":{\"blockNumber\":14,\"txHash\":\"0x"
            + "ee".repeat(32)
            + "\"}}\n");
    JsonNode json =
        Output.JSON.readTree(
            cli.run("--json", "dataset", "manifest", ID, "--withdrawn-since", "12").out());
    assertThat(json.path("entries").get(0).path("withdrawnAt").path("blockNumber").asLong())
        .isEqualTo(14);
  }

  @Test
  void manifestNeedsExactlyOneQueryAndReportsAForbiddenKey() throws Exception {
    Result neither = cli.run("dataset", "manifest", ID);
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("give either --purpose (with --at) or --withdrawn-since");
    assertThat(
            cli.run("dataset", "manifest", ID, "--purpose", "x", "--withdrawn-since", "3")
                .exitCode())
        .isEqualTo(2);
    assertThat(
            cli.run("dataset", "manifest", ID, "--withdrawn-since", "3", "--at", "2027-01-01")
                .exitCode())
        .isEqualTo(2);
    assertThat(node.requests).isEmpty();

    node.answer(
        "/v1/datasets/" + ID + "/consent-manifest",
        403,
        "{\"code\":\"forbidden\",\"status\":403,\"detail\":\"not the dataset's curator\"}");
    cli.env("ASSENT_PASSWORD", "pw").env("KEY", KEY);
    cli.run("key", "import", "--name", "someone", "--private-key-env", "KEY");
    Result refused = cli.run("dataset", "manifest", ID, "--purpose", "commercial-ai-training");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines())
        .containsExactly("assent: the node refused: forbidden: not the dataset's curator");
  }

  @Test
  void aBrokenManifestLeavesNoFileAndPlainOutputIsTheLines() throws Exception {
    node.answer("/v1/status", 200, "{\"chainId\":31337,\"contracts\":{}}");
    cli.env("ASSENT_PASSWORD", "pw").env("KEY", KEY);
    cli.run("key", "import", "--name", "curator", "--private-key-env", "KEY");
    node.answer(
        "/v1/datasets/" + ID + "/consent-manifest",
        200,
        golden("manifest.jsonl") + "{\"consentId\": \"0x12\"\n");
    Path file = home.resolve("consented.jsonl");
    Result broken =
        cli.run("dataset", "manifest", ID, "--purpose", "redistribution", "--out", file.toString());
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.errLines())
        .containsExactly("assent: line 3 of the node's manifest is not a JSON object");
    assertThat(file).doesNotExist();
    try (var left = Files.list(home)) {
      assertThat(left.map(Path::getFileName).map(Path::toString))
          .noneMatch(n -> n.endsWith(".part"));
    }

    node.answer("/v1/datasets/" + ID + "/consent-manifest", 200, golden("manifest.jsonl"));
    Result plain = cli.run("dataset", "manifest", ID, "--purpose", "redistribution");
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).isEqualTo(golden("manifest.jsonl"));
  }

  static String siweMessage(String authorization) {
    String token = authorization.substring("SIWE ".length());
    return new String(
        Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
        StandardCharsets.UTF_8);
  }
}

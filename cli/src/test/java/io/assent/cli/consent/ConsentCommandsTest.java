package io.assent.cli.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import io.assent.cli.Output;
import io.assent.contracts.consent.ConsentErasure;
import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.ConsentWithdrawal;
import io.assent.contracts.consent.Eip712Domain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** The consent commands against a fake node: what they sign and send, and how they report. */
class ConsentCommandsTest {

  static final String KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
  static final String ADDRESS = Credentials.create(KEY).getAddress();
  static final String DID = "did:ethr:0x7a69:" + ADDRESS;
  static final String DATASET = "0x" + "3f".repeat(32);
  static final String CONSENT_ID = "0x" + "9c".repeat(32);
  static final Eip712Domain DOMAIN = Eip712Domain.assent(31337, FakeServer.ANCHOR);

  @TempDir Path home;
  FakeServer node;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    node = new FakeServer();
    node.answer(
        "/v1/consents", 202, "{\"consentId\":\"" + CONSENT_ID + "\",\"status\":\"pending\"}");
    cli =
        new CliRunner(home)
            .env("ASSENT_PASSWORD", "pw")
            .env("ASSENT_KDF", "light")
            .env("ASSENT_NODE", node.url())
            .env("KEY", KEY);
    assertThat(cli.run("key", "import", "--name", "alice", "--private-key-env", "KEY").exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() {
    node.close();
  }

  private Result grant(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "consent",
                "grant",
                "--dataset",
                DATASET,
                "--purpose",
                "ai:ModelTraining",
                "--purpose",
                "dpv:ScientificResearch",
                "--jurisdiction",
                "EU",
                "--until",
                "2027-06-30"));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void grantSignsTheTypedDataPostsItAndKeepsACopy() throws Exception {
    long before = Instant.now().getEpochSecond();
    Result result = grant("--notice-version", "v1", "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode out = Output.JSON.readTree(result.out());
    assertThat(out.path("consentId").asText()).isEqualTo(CONSENT_ID);
    assertThat(out.path("status").asText()).isEqualTo("pending");
    assertThat(out.path("subject").asText()).isEqualTo(DID);

    JsonNode body = node.to("/v1/consents").getFirst().body();
    JsonNode grant = body.path("grant");
    assertThat(grant.path("subject").asText()).isEqualTo(DID);
    assertThat(grant.path("dataset").asText()).isEqualTo(DATASET);
    assertThat(grant.path("purposes").toString())
        .isEqualTo("[\"ai:ModelTraining\",\"dpv:ScientificResearch\"]");
    assertThat(grant.path("processing").asText()).isEqualTo("dpv:Use");
    assertThat(grant.path("legalBasis").asText()).isEqualTo("dpv:Consent");
    assertThat(grant.path("jurisdiction").asText()).isEqualTo("EU");
    assertThat(grant.path("noticeVersion").asText()).isEqualTo("v1");
    assertThat(grant.path("noticeDigest").asText()).isEqualTo("0x" + "00".repeat(32));
    assertThat(grant.path("validFrom").asLong()).isBetween(before, before + 60);
    assertThat(grant.path("validUntil").asLong())
        .isEqualTo(Instant.parse("2027-06-30T23:59:59Z").getEpochSecond());
    assertThat(grant.path("nonce").asText()).matches("0x[0-9a-f]{64}");

    ConsentGrant signed = signedGrant(grant);
    assertThat(ConsentTypedData.recover(DOMAIN, signed, body.path("signature").asText()))
        .isEqualTo(ADDRESS);
    String signerKey = body.path("signerKey").asText();
    assertThat(signerKey).matches("0x04[0-9a-f]{128}");
    assertThat(Keys.toChecksumAddress(Keys.getAddress(signerKey.substring(4))))
        .isEqualTo(Keys.toChecksumAddress(ADDRESS));

    Path copy = home.resolve(".assent/consents/" + CONSENT_ID + ".json");
    JsonNode local = Output.JSON.readTree(copy.toFile());
    assertThat(local.path("request")).isEqualTo(body);
    assertThat(local.path("answer").path("status").asText()).isEqualTo("pending");
    assertThat(local.path("typedData").path("primaryType").asText()).isEqualTo("ConsentGrant");
  }

  @Test
  void theJurisdictionIsRequiredAndMayComeFromTheSettings() throws Exception {
    String[] args = {
      "consent", "grant", "--dataset", DATASET, "--purpose", "ai:ModelTraining", "--until", "never"
    };
    Result missing = cli.run(args);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines())
        .containsExactly(
            "assent: missing --jurisdiction CODE (or the jurisdiction setting), e.g. EU");
    assertThat(node.to("/v1/consents")).isEmpty();

    cli.env("ASSENT_JURISDICTION", "EU");
    assertThat(cli.run(args).exitCode()).isZero();
    JsonNode grant = node.to("/v1/consents").getFirst().body().path("grant");
    assertThat(grant.path("jurisdiction").asText()).isEqualTo("EU");
    assertThat(grant.path("noticeVersion").asText()).isEqualTo("none");
    assertThat(grant.path("validUntil").asLong()).isZero();
  }

  @Test
  void twoGrantsUseFreshNonces() {
    assertThat(grant().exitCode()).isZero();
    assertThat(grant().exitCode()).isZero();
    List<FakeServer.Request> posts = node.to("/v1/consents");
    assertThat(posts.get(0).body().path("grant").path("nonce"))
        .isNotEqualTo(posts.get(1).body().path("grant").path("nonce"));
  }

  @Test
  void noticeFileIsHashedWithSha256() throws Exception {
    Path notice = home.resolve("notice.html");
    Files.writeString(notice, "<p>We train models.</p>");
    assertThat(grant("--notice", notice.toString(), "--from", "2026-01-01").exitCode()).isZero();
    JsonNode grant = node.to("/v1/consents").getFirst().body().path("grant");
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest("<p>We train models.</p>".getBytes(StandardCharsets.UTF_8));
    assertThat(grant.path("noticeDigest").asText()).isEqualTo(Numeric.toHexString(digest));
    assertThat(grant.path("validFrom").asLong())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
  }

  @Test
  void badArgumentsAreUsageErrorsAndSendNothing() {
    Result noUntil =
        cli.run("consent", "grant", "--dataset", DATASET, "--purpose", "ai:ModelTraining");
    assertThat(noUntil.exitCode()).isEqualTo(2);
    assertThat(noUntil.err()).contains("--until");

    Result badDataset =
        cli.run("consent", "grant", "--dataset", "0x12", "--purpose", "p", "--until", "never");
    assertThat(badDataset.exitCode()).isEqualTo(2);
    assertThat(badDataset.err()).contains("not 0x + 64 hex");

    Result badDate = grant("--from", "30/06/2027");
    assertThat(badDate.exitCode()).isEqualTo(2);
    assertThat(badDate.errLines()).hasSize(1);

    Result both = grant("--notice", "x", "--notice-digest", DATASET);
    assertThat(both.exitCode()).isEqualTo(2);

    assertThat(node.to("/v1/consents")).isEmpty();
  }

  @Test
  void untilBeforeFromFailsBeforeSigning() {
    Result result = grant("--from", "2028-01-01", "--json");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("\"code\" : \"invalidValidity\"");
    assertThat(node.requests).isEmpty();
  }

  @Test
  void seventeenPurposesAreRefused() {
    List<String> args = new ArrayList<>(List.of("consent", "grant", "--dataset", DATASET));
    for (int i = 0; i < 17; i++) {
      args.addAll(List.of("--purpose", "p" + i));
    }
    args.addAll(List.of("--until", "never"));
    Result result = cli.run(args.toArray(String[]::new));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("at most 16");
    assertThat(node.to("/v1/consents")).isEmpty();
  }

  @Test
  void theNodesProblemBecomesTheErrorCode() throws Exception {
    node.answer(
        "/v1/consents",
        409,
        "{\"type\":\"about:blank\",\"code\":\"nonceReused\",\"title\":\"x\",\"detail\":\"nonce used\"}");
    Result result = grant("--json");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(Output.JSON.readTree(result.out()).path("error").path("code").asText())
        .isEqualTo("nonceReused");
    assertThat(result.errLines())
        .containsExactly("assent: the node refused: nonceReused: nonce used");
    assertThat(home.resolve(".assent/consents")).doesNotExist();
  }

  @Test
  void aNodeWithoutConsentAnchorIsReported() {
    node.answer("/v1/status", 200, "{\"chainId\":31337,\"contracts\":{}}");
    Result result = grant();
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("reports no ConsentAnchor");
    assertThat(node.to("/v1/consents")).isEmpty();

    cli.env("ASSENT_ANCHOR", FakeServer.ANCHOR);
    Result pinned = grant();
    assertThat(pinned.exitCode()).as(pinned.err()).isZero();
    JsonNode body = node.to("/v1/consents").getFirst().body();
    assertThat(
            ConsentTypedData.recover(
                DOMAIN, signedGrant(body.path("grant")), body.path("signature").asText()))
        .isEqualTo(ADDRESS);
  }

  @Test
  void aNodeOnAnotherAnchorIsRefused() {
    Result result = grant("--anchor", "0x" + "12".repeat(20));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("uses ConsentAnchor " + FakeServer.ANCHOR);
    assertThat(node.to("/v1/consents")).isEmpty();
  }

  @Test
  void withdrawSignsAWithdrawalAndUpdatesTheLocalCopy() throws Exception {
    assertThat(grant().exitCode()).isZero();
    node.answer(
        "/v1/consents/" + CONSENT_ID + "/withdrawal",
        202,
        "{\"consentId\":\"" + CONSENT_ID + "\",\"status\":\"withdrawalPending\"}");
    Result result = cli.run("consent", "withdraw", CONSENT_ID);
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("withdrawn (withdrawalPending)");

    JsonNode body = node.to("/v1/consents/" + CONSENT_ID + "/withdrawal").getFirst().body();
    JsonNode w = body.path("withdrawal");
    assertThat(w.path("consentId").asText()).isEqualTo(CONSENT_ID);
    assertThat(w.path("subject").asText()).isEqualTo(DID);
    ConsentWithdrawal message =
        new ConsentWithdrawal(
            CONSENT_ID, ADDRESS, w.path("time").asLong(), w.path("nonce").asText());
    assertThat(ConsentTypedData.recover(DOMAIN, message, body.path("signature").asText()))
        .isEqualTo(ADDRESS);
    JsonNode local =
        Output.JSON.readTree(home.resolve(".assent/consents/" + CONSENT_ID + ".json").toFile());
    assertThat(local.path("withdrawal").path("request")).isEqualTo(body);
  }

  @Test
  void eraseNeedsYesThenSignsAnErasure() {
    Result refused = cli.run("consent", "erase", CONSENT_ID);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("--yes");
    assertThat(node.requests).isEmpty();

    node.answer(
        "/v1/consents/" + CONSENT_ID + "/erasure",
        200,
        "{\"consentId\":\"" + CONSENT_ID + "\",\"status\":\"erased\"}");
    Result result = cli.run("consent", "erase", CONSENT_ID, "--yes");
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode body = node.to("/v1/consents/" + CONSENT_ID + "/erasure").getFirst().body();
    JsonNode e = body.path("erasure");
    ConsentErasure message =
        new ConsentErasure(CONSENT_ID, ADDRESS, e.path("time").asLong(), e.path("nonce").asText());
    assertThat(ConsentTypedData.recover(DOMAIN, message, body.path("signature").asText()))
        .isEqualTo(ADDRESS);
  }

  @Test
  void listSignsInWithSiwe() throws Exception {
    node.answer(
        "/v1/subjects/" + DID + "/consents",
        200,
        "{\"consents\":[{\"consentId\":\"" + CONSENT_ID + "\",\"status\":\"anchored\"}]}");
    Result result = cli.run("consent", "list");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains(CONSENT_ID + "  anchored");

    FakeServer.Request read = node.to("/v1/subjects/").getFirst();
    String authorization = read.authorization();
    assertThat(authorization).startsWith("SIWE ");
    String[] parts = authorization.substring(5).split("\\.");
    String message = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    assertThat(message).startsWith(read.host() + " wants you to sign in");
    assertThat(message).contains("\nURI: " + node.url() + "\n", "\nChain ID: 31337\n");
    assertThat(SiweTest.signerOf(message, parts[1])).isEqualTo(ADDRESS);
  }

  @Test
  void receiptIsSavedWhereAsked() throws Exception {
    node.answer("/v1/consents/" + CONSENT_ID + "/receipt", 200, "{\"consentId\":\"x\"}");
    Path out = home.resolve("r.json");
    Result result = cli.run("consent", "receipt", CONSENT_ID, "--out", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Output.JSON.readTree(out.toFile()).path("consentId").asText()).isEqualTo("x");
    assertThat(node.to("/v1/consents/" + CONSENT_ID + "/receipt").getFirst().authorization())
        .startsWith("SIWE ");

    Result byDefault = cli.run("consent", "receipt", CONSENT_ID);
    assertThat(byDefault.exitCode()).isZero();
    assertThat(home.resolve(".assent/consents/" + CONSENT_ID + ".receipt.json")).exists();
  }

  @Test
  void showCombinesThePublicStatusAndTheLocalCopy() throws Exception {
    assertThat(grant().exitCode()).isZero();
    node.answer(
        "/v1/consents/" + CONSENT_ID,
        200,
        "{\"consentId\":\""
            + CONSENT_ID
            + "\",\"status\":\"withdrawalPending\",\"anchor\":{\"root\":\"0xroot\",\"txHash\":\"0xtx\","
            + "\"blockNumber\":16},\"withdrawal\":{\"time\":1790000000,\"anchored\":false}}");
    Result result = cli.run("consent", "show", CONSENT_ID);
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("status  withdrawalPending")
        .contains("anchor  root 0xroot, tx 0xtx, block 16")
        .contains("withdrawn 2026-09-21T14:13:20Z (not yet anchored)")
        .contains("dataset " + DATASET)
        .contains("ai:ModelTraining, dpv:ScientificResearch")
        .contains("2027-06-30T23:59:59Z");

    node.answer(
        "/v1/consents/" + CONSENT_ID,
        404,
        "{\"code\":\"consentNotFound\",\"detail\":\"no such consent\"}");
    Result missing = cli.run("consent", "show", CONSENT_ID);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("consentNotFound");
  }

  @Test
  void checkExitsZeroOnlyWhenPermitted() {
    node.answer(
        "/v1/consents/check",
        200,
        "{\"permitted\":true,\"reason\":\"granted\",\"anchored\":false,\"consentIds\":[\""
            + CONSENT_ID
            + "\"],\"evidence\":[]}");
    String[] args = {
      "consent",
      "check",
      "--subject",
      DID,
      "--dataset",
      DATASET,
      "--purpose",
      "ai:ModelTraining",
      "--at",
      "2027-01-01"
    };
    Result yes = cli.run(args);
    assertThat(yes.exitCode()).isZero();
    assertThat(yes.out()).contains("permitted (granted, not yet anchored)");
    assertThat(node.to("/v1/consents/check").getFirst().path())
        .isEqualTo(
            "/v1/consents/check?subject=did%3Aethr%3A0x7a69%3A"
                + ADDRESS
                + "&dataset="
                + DATASET
                + "&purpose=ai%3AModelTraining&at="
                + Instant.parse("2027-01-01T00:00:00Z").getEpochSecond());

    node.answer(
        "/v1/consents/check",
        200,
        "{\"permitted\":false,\"reason\":\"withdrawn\",\"consentIds\":[],\"evidence\":[]}");
    Result no = cli.run(args);
    assertThat(no.exitCode()).isEqualTo(1);
    assertThat(no.out()).contains("not permitted (withdrawn)");
  }

  static ConsentGrant signedGrant(JsonNode grant) {
    List<String> purposes = new ArrayList<>();
    grant.path("purposes").forEach(p -> purposes.add(p.asText()));
    return new ConsentGrant(
        ADDRESS,
        grant.path("dataset").asText(),
        purposes,
        grant.path("processing").asText(),
        grant.path("legalBasis").asText(),
        grant.path("noticeDigest").asText(),
        grant.path("noticeVersion").asText(),
        grant.path("jurisdiction").asText(),
        grant.path("validFrom").asLong(),
        grant.path("validUntil").asLong(),
        grant.path("nonce").asText());
  }
}

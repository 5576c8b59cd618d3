package io.assent.cli.did;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import io.assent.cli.Output;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input never reaches the node: a bad option value is a usage error (exit 2), a refused request
 * (unknown key, bad key material, missing confirmation) exits 1; always one line.
 */
class DidInputErrorsTest {

  static final String KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";

  @TempDir Path home;
  FakeNode node;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    node = new FakeNode();
    cli =
        new CliRunner(home)
            .env("ASSENT_PASSWORD", "pw")
            .env("ASSENT_KDF", "light")
            .env("ASSENT_NODE", node.url())
            .env("KEY", KEY);
    cli.run("key", "import", "--name", "alice", "--private-key-env", "KEY");
  }

  @AfterEach
  void tearDown() {
    node.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x1234",
        "70997970c51812dc3a010c7d01b50e0d17dc79c8",
        "0xZZ997970c51812dc3a010c7d01b50e0d17dc79c8"
      })
  void badAddressIsAUsageError(String address) {
    Result result = cli.run("did", "add-delegate", "--delegate", address);

    assertUsageError(result, "is not an address");
  }

  @Test
  void checksumTypoIsCaught() {
    // the valid checksum is 0x70997970C51812dc3A010C7d01b50e0d17dc79C8; one letter's case flipped
    Result result =
        cli.run("did", "change-owner", "--new-owner", "0x70997970c51812dc3A010C7d01b50e0d17dc79C8");

    assertUsageError(result, "bad EIP-55 checksum");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "did:web:example.com",
        "did:ethr:0x7a69:0x1234",
        "did:ethr:0x7a69:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266#key-1"
      })
  void malformedDidIsAUsageError(String did) {
    Result resolve = cli.run("did", "resolve", did);
    Result change = cli.run("did", "add-service", "--did", did, "--type", "S", "--endpoint", "x");

    assertUsageError(resolve, "is not a did:ethr DID");
    assertUsageError(change, "is not a did:ethr DID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3x", "0", "-5", "1.5d", "99999999999999999999d", ""})
  void badValidityIsAUsageError(String validity) {
    Result result =
        cli.run("did", "add-service", "--type", "S", "--endpoint", "x", "--validity", validity);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("assent: ")
        .contains("--validity");
    assertThat(node.requests).isEmpty();
  }

  @Test
  void unknownOptionSuggestsAndJsonReportsUsage() throws Exception {
    Result result = cli.run("did", "add-service", "--typ", "S", "--json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains("--typ");
    JsonNode error = Output.JSON.readTree(result.out()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("usage");
  }

  @Test
  void unknownKeyExitsOne() {
    Result result =
        cli.run("did", "add-service", "--key", "nobody", "--type", "S", "--endpoint", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("assent: no key 'nobody' in keystore ");
    assertThat(node.requests).isEmpty();
  }

  @Test
  void wrongPasswordExitsOneWithoutSending() {
    cli.env("ASSENT_PASSWORD", "not it");

    Result result = cli.run("did", "add-service", "--type", "S", "--endpoint", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("assent: wrong password for key alice");
    assertThat(node.posts()).isEmpty();
  }

  @Test
  void badKeyMaterialIsRefused() {
    Result notHex = addKey("Secp256k1", "hex", "0xnothex");
    Result tooShort = addKey("Ed25519", "base64", "AAEC");
    Result notBase58 = addKey("Ed25519", "base58", "0OIl");
    Result wrongPurpose =
        cli.run(
            "did",
            "add-key",
            "--algorithm",
            "X25519",
            "--purpose",
            "veriKey",
            "--public-key",
            "00".repeat(32));

    assertThat(notHex.errLines()).singleElement().asString().contains("not valid hex");
    assertThat(tooShort.errLines())
        .containsExactly("assent: a Ed25519 public key is 32 bytes; this one is 3");
    assertThat(notBase58.errLines()).singleElement().asString().contains("not valid base58");
    assertThat(wrongPurpose.errLines()).singleElement().asString().contains("--purpose enc");
    assertThat(java.util.List.of(notHex, tooShort, notBase58, wrongPurpose))
        .allMatch(r -> r.exitCode() == 1);
    assertThat(node.requests).isEmpty();
  }

  @Test
  void irreversibleOrAmbiguousChangesNeedToBeSpelledOut() {
    Result deactivate = cli.run("did", "deactivate");
    Result zeroOwner = cli.run("did", "change-owner", "--new-owner", Transport.ZERO_ADDRESS);
    Result badServiceType = cli.run("did", "add-service", "--type", "a/b", "--endpoint", "x");

    assertThat(deactivate.exitCode()).isEqualTo(1);
    assertThat(deactivate.err()).contains("irreversible").contains("--yes");
    assertThat(zeroOwner.exitCode()).isEqualTo(1);
    assertThat(zeroOwner.err()).contains("did deactivate");
    assertThat(badServiceType.exitCode()).isEqualTo(1);
    assertThat(node.requests).isEmpty();
  }

  @Test
  void rpcWithoutRegistryIsExplained() {
    Result result =
        cli.run(
            "did", "add-service", "--rpc", "http://127.0.0.1:1", "--type", "S", "--endpoint", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly("assent: --rpc needs --registry ADDR (the DID registry contract)");
  }

  @Test
  void missingSubcommandIsAUsageError() {
    assertUsageError(cli.run("did"), "missing command");
    assertUsageError(cli.run(), "missing command");
  }

  private Result addKey(String algorithm, String encoding, String key) {
    return cli.run(
        "did", "add-key", "--algorithm", algorithm, "--encoding", encoding, "--public-key", key);
  }

  private void assertUsageError(Result result, String fragment) {
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("assent: ")
        .contains(fragment);
    assertThat(node.requests).isEmpty();
  }
}

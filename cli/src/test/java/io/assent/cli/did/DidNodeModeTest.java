package io.assent.cli.did;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import io.assent.cli.Output;
import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.contracts.did.Erc1056Signature;
import io.assent.contracts.did.Erc1056SignedHash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/** DID changes relayed through a node: the requests the CLI sends, and how it reports answers. */
class DidNodeModeTest {

  static final String KEY = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
  static final String ADDRESS = Credentials.create(KEY).getAddress();
  static final String DID = "did:ethr:0x7a69:" + ADDRESS;
  static final String OTHER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

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
    assertThat(cli.run("key", "import", "--name", "alice", "--private-key-env", "KEY").exitCode())
        .isZero();
  }

  @AfterEach
  void tearDown() {
    node.close();
  }

  @Test
  void addServiceSignsTheErc1056HashAndPostsTheOperation() throws Exception {
    Result result =
        cli.run(
            "did",
            "add-service",
            "--type",
            "ConsentService",
            "--endpoint",
            "https://n.example",
            "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(node.requests)
        .extracting(FakeNode.Request::method, FakeNode.Request::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/v1/status"),
            org.assertj.core.groups.Tuple.tuple("GET", "/v1/identities/" + DID),
            org.assertj.core.groups.Tuple.tuple("GET", "/v1/identities/" + DID),
            org.assertj.core.groups.Tuple.tuple("POST", "/v1/identities/" + DID + "/operations"));
    FakeNode.Request post = node.posts().getFirst();
    assertThat(post.contentType()).isEqualTo("application/json");
    JsonNode body = post.body();
    byte[] value = "https://n.example".getBytes(StandardCharsets.UTF_8);
    assertThat(body.get("operation").asText()).isEqualTo("setAttribute");
    assertThat(body.get("name").asText()).isEqualTo("did/svc/ConsentService");
    assertThat(body.get("value").asText()).isEqualTo(Numeric.toHexString(value));
    assertThat(body.get("validity").asText()).isEqualTo("31536000");
    assertThat(body.get("nonce").asText()).isEqualTo("7");
    var operation =
        new Erc1056Operation.SetAttribute(
            ADDRESS,
            DidNames.encode("did/svc/ConsentService"),
            value,
            BigInteger.valueOf(31536000));
    assertThat(recover(operation, body)).isEqualTo(ADDRESS);

    JsonNode out = Output.JSON.readTree(result.out());
    assertThat(out.get("transactionHash").asText()).isEqualTo(FakeNode.TX_HASH);
    assertThat(out.get("did").asText()).isEqualTo(DID);
    assertThat(out.get("via").asText()).isEqualTo("node " + node.url());
  }

  @Test
  void addKeyStoresTheDecodedKeyBytesWhateverTheEncoding() throws Exception {
    byte[] ed25519 = new byte[32];
    for (int i = 0; i < 32; i++) {
      ed25519[i] = (byte) (i * 7 + 1);
    }

    Result result =
        cli.run(
            "did",
            "add-key",
            "--algorithm",
            "Ed25519",
            "--encoding",
            "base58",
            "--public-key",
            Base58Test.encode(ed25519),
            "--validity",
            "90d");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode body = node.posts().getFirst().body();
    assertThat(body.get("name").asText()).isEqualTo("did/pub/Ed25519/veriKey/base58");
    assertThat(body.get("value").asText()).isEqualTo(Numeric.toHexString(ed25519));
    assertThat(body.get("validity").asText()).isEqualTo(String.valueOf(90 * 86400));
    var operation =
        new Erc1056Operation.SetAttribute(
            ADDRESS,
            DidNames.encode("did/pub/Ed25519/veriKey/base58"),
            ed25519,
            BigInteger.valueOf(90 * 86400));
    assertThat(recover(operation, body)).isEqualTo(ADDRESS);
    assertThat(result.out())
        .contains("add key did/pub/Ed25519/veriKey/base58")
        .contains(FakeNode.TX_HASH);
  }

  @Test
  void delegateAndOwnerChangesPostTheirFields() {
    cli.run(
        "did",
        "add-delegate",
        "--delegate",
        OTHER,
        "--delegate-type",
        "sigAuth",
        "--validity",
        "3600");
    cli.run("did", "revoke-delegate", "--delegate", OTHER);
    cli.run("did", "change-owner", "--new-owner", OTHER);
    cli.run("did", "deactivate", "--yes");

    assertThat(node.posts()).hasSize(4);
    JsonNode add = node.posts().get(0).body();
    assertThat(add.get("operation").asText()).isEqualTo("addDelegate");
    assertThat(add.get("delegateType").asText()).isEqualTo("sigAuth");
    assertThat(add.get("delegate").asText()).isEqualTo(OTHER);
    assertThat(add.get("validity").asText()).isEqualTo("3600");
    JsonNode revoke = node.posts().get(1).body();
    assertThat(revoke.get("operation").asText()).isEqualTo("revokeDelegate");
    assertThat(revoke.get("delegateType").asText()).isEqualTo("veriKey");
    assertThat(revoke.has("validity")).isFalse();
    assertThat(node.posts().get(2).body().get("newOwner").asText()).isEqualTo(OTHER);
    JsonNode deactivate = node.posts().get(3).body();
    assertThat(deactivate.get("operation").asText()).isEqualTo("changeOwner");
    assertThat(deactivate.get("newOwner").asText()).isEqualTo(Transport.ZERO_ADDRESS);
    var operation = new Erc1056Operation.ChangeOwner(ADDRESS, Transport.ZERO_ADDRESS);
    assertThat(recover(operation, deactivate)).isEqualTo(ADDRESS);
  }

  @Test
  void actsOnAnotherDidThatTheKeyOwns() {
    node.owner = ADDRESS;
    String other = "did:ethr:0x7a69:" + OTHER;

    Result result = cli.run("did", "add-service", "--did", other, "--type", "S", "--endpoint", "x");

    assertThat(result.exitCode()).as(result.err()).isZero();
    FakeNode.Request post = node.posts().getFirst();
    assertThat(post.path()).isEqualTo("/v1/identities/" + other + "/operations");
    var operation =
        new Erc1056Operation.SetAttribute(
            OTHER,
            DidNames.encode("did/svc/S"),
            "x".getBytes(StandardCharsets.UTF_8),
            BigInteger.valueOf(31536000));
    assertThat(recover(operation, post.body())).isEqualTo(ADDRESS);
  }

  @Test
  void didOnTheNodesNamedNetworkIsTheSameIdentityAndOthersAreRefused() {
    node.owner = ADDRESS;

    Result named =
        cli.run("did", "revoke-delegate", "--did", "did:ethr:dev:" + OTHER, "--delegate", OTHER);
    Result otherChain =
        cli.run("did", "revoke-delegate", "--did", "did:ethr:0x1:" + OTHER, "--delegate", OTHER);
    Result unknownName =
        cli.run(
            "did", "revoke-delegate", "--did", "did:ethr:sepolia:" + OTHER, "--delegate", OTHER);

    assertThat(named.exitCode()).as(named.err()).isZero();
    assertThat(node.posts())
        .extracting(FakeNode.Request::path)
        .containsExactly("/v1/identities/did:ethr:0x7a69:" + OTHER + "/operations");
    assertThat(otherChain.exitCode()).isEqualTo(1);
    assertThat(otherChain.err()).contains("is on chain 1, but the registry is on chain 31337");
    assertThat(unknownName.exitCode()).isEqualTo(1);
    assertThat(unknownName.err()).contains("names network 'sepolia', unknown here");
  }

  @Test
  void refusesBeforeSigningWhenTheKeyIsNotTheOwner() {
    node.owner = OTHER;

    Result result = cli.run("did", "add-service", "--type", "S", "--endpoint", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "assent: key alice ("
                + ADDRESS
                + ") does not own "
                + DID
                + " (its owner is "
                + OTHER
                + ")");
    assertThat(node.posts()).isEmpty();
  }

  @Test
  void refusesAChangeToADeactivatedDid() {
    node.deactivated = true;

    Result result = cli.run("did", "add-service", "--type", "S", "--endpoint", "x", "--json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("\"code\" : \"deactivated\"");
    assertThat(node.posts()).isEmpty();
  }

  @Test
  void nodeProblemShowsItsCodeAndDetailOnOneLine() throws Exception {
    node.relayStatus = 409;
    node.relayBody =
        "{\"type\":\"https://assent.dev/problems/stale-nonce\",\"title\":\"Stale nonce\","
            + "\"status\":409,\"code\":\"staleNonce\",\"detail\":\"nonce 7 was used; now 8\"}";

    Result result = cli.run("did", "revoke-delegate", "--delegate", OTHER, "--json");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly("assent: the node refused: staleNonce: nonce 7 was used; now 8");
    JsonNode error = Output.JSON.readTree(result.out()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("staleNonce");
    assertThat(error.get("message").asText()).contains("nonce 7 was used");
  }

  @Test
  void unreachableNodeIsOneLineWithExitCodeOne() {
    node.close();

    Result result = cli.run("did", "add-service", "--type", "S", "--endpoint", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("assent: cannot reach the node at " + node.url());
  }

  @Test
  void nodeOnAnotherChainThanConfiguredIsRefused() {
    Result result =
        cli.run("did", "add-service", "--type", "S", "--endpoint", "x", "--chain-id", "1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("is on chain 31337, not on chain 1");
    assertThat(node.posts()).isEmpty();
  }

  @Test
  void showTakesTheChainIdFromTheNodeUnlessConfigured() {
    Result fromNode = cli.run("did", "show");
    node.requests.clear();
    Result configured = cli.run("did", "show", "--key", ADDRESS, "--chain-id", "0x1");

    assertThat(fromNode.out().strip()).isEqualTo(DID);
    assertThat(configured.out().strip()).isEqualTo("did:ethr:0x1:" + ADDRESS);
    assertThat(node.requests).isEmpty();
  }

  @Test
  void resolvePrintsTheDocumentOrTheWholeResult() throws Exception {
    node.resolveBody =
        "{\"didDocument\":{\"id\":\""
            + DID
            + "\"},\"didResolutionMetadata\":{\"contentType\":"
            + "\"application/did+ld+json\"},\"didDocumentMetadata\":{\"versionId\":\"3\"}}";

    Result document = cli.run("did", "resolve", DID, "--version-id", "3");
    Result whole = cli.run("did", "resolve", DID, "--json");

    assertThat(document.exitCode()).isZero();
    assertThat(Output.JSON.readTree(document.out()).get("id").asText()).isEqualTo(DID);
    assertThat(
            Output.JSON.readTree(whole.out()).get("didDocumentMetadata").get("versionId").asText())
        .isEqualTo("3");
    FakeNode.Request request = node.requests.getFirst();
    assertThat(request.path()).isEqualTo("/1.0/identifiers/" + DID + "?versionId=3");
    assertThat(request.accept()).isEqualTo("application/did-resolution");
  }

  @Test
  void resolveOfADeactivatedDidSucceedsWithANote() {
    node.resolveStatus = 410;
    node.resolveBody =
        "{\"didDocument\":{\"id\":\""
            + DID
            + "\",\"verificationMethod\":[]},"
            + "\"didResolutionMetadata\":{},\"didDocumentMetadata\":{\"deactivated\":true}}";

    Result result = cli.run("did", "resolve", DID);

    assertThat(result.exitCode()).isZero();
    assertThat(result.errLines()).containsExactly("assent: " + DID + " is deactivated");
  }

  @Test
  void resolveErrorShowsTheResolutionError() {
    node.resolveStatus = 404;
    node.resolveBody =
        "{\"didDocument\":null,\"didResolutionMetadata\":{\"error\":\"notFound\","
            + "\"message\":\"unknown network 0x5\"},\"didDocumentMetadata\":{}}";

    Result result = cli.run("did", "resolve", "did:ethr:0x5:" + ADDRESS);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .containsExactly(
            "assent: cannot resolve did:ethr:0x5:" + ADDRESS + ": notFound: unknown network 0x5");
  }

  @Test
  void typedNodeBeatsAnRpcEndpointFromTheEnvironment() {
    cli.env("ASSENT_RPC", "http://127.0.0.1:1").env("ASSENT_REGISTRY", FakeNode.REGISTRY);

    Result viaEnvRpc = cli.run("did", "add-service", "--type", "S", "--endpoint", "x");
    Result viaTypedNode =
        cli.run("did", "add-service", "--node", node.url(), "--type", "S", "--endpoint", "x");

    assertThat(viaEnvRpc.exitCode()).isEqualTo(1);
    assertThat(viaEnvRpc.err()).contains("cannot reach the JSON-RPC endpoint http://127.0.0.1:1");
    assertThat(viaTypedNode.exitCode()).as(viaTypedNode.err()).isZero();
    assertThat(node.posts()).hasSize(1);
  }

  @Test
  void resolveWithoutDidResolvesTheKeysDid() {
    node.resolveBody = "{\"didDocument\":{\"id\":\"" + DID + "\"},\"didResolutionMetadata\":{}}";

    Result result = cli.run("did", "resolve", "--key", "alice");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(node.requests)
        .extracting(FakeNode.Request::path)
        .containsExactly("/v1/status", "/1.0/identifiers/" + DID);
  }

  private static String recover(Erc1056Operation operation, JsonNode body) {
    return Erc1056SignedHash.recoverSigner(
        FakeNode.REGISTRY,
        new BigInteger(body.get("nonce").asText()),
        operation,
        Erc1056Signature.fromHex(body.get("signature").asText()));
  }
}

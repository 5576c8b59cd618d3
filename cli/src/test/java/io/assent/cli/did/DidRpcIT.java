package io.assent.cli.did;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import io.assent.cli.Output;
import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidEvent;
import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.DidRegistryClient;
import io.assent.contracts.did.DidRegistryEvents;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * {@code assent did ...} with {@code --rpc}: real transactions from the key's own account to a
 * registry this test deploys on anvil; asserts on the chain's state and events.
 */
class DidRpcIT {

  static Anvil anvil;
  static DidRegistryClient registry;

  @TempDir Path home;
  CliRunner cli;
  Credentials alice;
  Credentials bob;

  @BeforeAll
  static void startChain() {
    anvil = Anvil.start();
    registry =
        DidRegistryClient.deploy(
            anvil.web3j(), anvil.transactionManager(Anvil.devCredentials(0)), Anvil.gasProvider());
  }

  @AfterAll
  static void stopChain() {
    anvil.close();
  }

  /** Each test takes fresh identities (unused dev keys would run out): new keys, funded here. */
  @BeforeEach
  void setUp() throws Exception {
    alice = Credentials.create(org.web3j.crypto.Keys.createEcKeyPair());
    bob = Credentials.create(org.web3j.crypto.Keys.createEcKeyPair());
    for (Credentials c : List.of(alice, bob)) {
      anvil.call("anvil_setBalance", List.of(c.getAddress(), "0xde0b6b3a7640000")); // 1 ETH
    }
    cli =
        new CliRunner(home)
            .env("ASSENT_PASSWORD", "pw")
            .env("ASSENT_KDF", "light")
            .env("ASSENT_RPC", anvil.rpcUrl())
            .env("ASSENT_REGISTRY", registry.address())
            .env(
                "ALICE",
                Numeric.toHexStringNoPrefixZeroPadded(alice.getEcKeyPair().getPrivateKey(), 64))
            .env(
                "BOB",
                Numeric.toHexStringNoPrefixZeroPadded(bob.getEcKeyPair().getPrivateKey(), 64));
    assertThat(cli.run("key", "import", "--name", "alice", "--private-key-env", "ALICE").exitCode())
        .isZero();
    assertThat(cli.run("key", "import", "--name", "bob", "--private-key-env", "BOB").exitCode())
        .isZero();
  }

  @Test
  void addKeyWritesTheKeyAttributeWithItsValidity() throws Exception {
    byte[] publicKey = Sign.publicPointFromPrivate(BigInteger.TEN).getEncoded(true);

    JsonNode sent =
        ok(
            cli.run(
                "did",
                "add-key",
                "--key",
                "alice",
                "--algorithm",
                "Secp256k1",
                "--purpose",
                "sigAuth",
                "--public-key",
                Numeric.toHexString(publicKey),
                "--validity",
                "1h",
                "--json"));

    TransactionReceipt receipt = receipt(sent);
    assertThat(receipt.getFrom()).isEqualTo(alice.getAddress());
    assertThat(sent.get("blockNumber").asLong())
        .isEqualTo(receipt.getBlockNumber().longValueExact());
    DidEvent.AttributeChanged event = single(receipt, DidEvent.AttributeChanged.class);
    assertThat(event.identity()).isEqualTo(alice.getAddress());
    assertThat(DidNames.decode(event.name())).isEqualTo("did/pub/Secp256k1/sigAuth/hex");
    assertThat(event.value()).isEqualTo(publicKey);
    assertThat(event.validTo()).isEqualTo(blockTime(receipt).add(BigInteger.valueOf(3600)));
    assertThat(sent.get("did").asText()).isEqualTo("did:ethr:0x7a69:" + alice.getAddress());
  }

  @Test
  void addAndRevokeServiceWriteTheEndpointThenValidToZero() throws Exception {
    String[] service = {"--type", "ConsentService", "--endpoint", "https://node.example/consents"};

    JsonNode added =
        ok(
            cli.run(
                concat(new String[] {"did", "add-service", "--key", "alice", "--json"}, service)));
    JsonNode revoked =
        ok(
            cli.run(
                concat(
                    new String[] {"did", "revoke-service", "--key", "alice", "--json"}, service)));

    DidEvent.AttributeChanged add = single(receipt(added), DidEvent.AttributeChanged.class);
    DidEvent.AttributeChanged revoke = single(receipt(revoked), DidEvent.AttributeChanged.class);
    assertThat(DidNames.decode(add.name())).isEqualTo("did/svc/ConsentService");
    assertThat(new String(add.value(), StandardCharsets.UTF_8))
        .isEqualTo("https://node.example/consents");
    assertThat(add.validTo())
        .isEqualTo(blockTime(receipt(added)).add(BigInteger.valueOf(365L * 86400)));
    assertThat(revoke.value()).isEqualTo(add.value());
    assertThat(revoke.validTo()).isZero();
    assertThat(revoke.previousChange()).isEqualTo(receipt(added).getBlockNumber());
  }

  @Test
  void addAndRevokeDelegateChangeValidDelegate() {
    String delegate = bob.getAddress();
    byte[] sigAuth = DidNames.encode("sigAuth");

    ok(
        cli.run(
            "did",
            "add-delegate",
            "--key",
            "alice",
            "--delegate",
            delegate,
            "--delegate-type",
            "sigAuth",
            "--validity",
            "1d"));
    assertThat(registry.validDelegate(alice.getAddress(), sigAuth, delegate)).isTrue();
    assertThat(registry.validDelegate(alice.getAddress(), DidNames.encode("veriKey"), delegate))
        .isFalse();

    ok(
        cli.run(
            "did",
            "revoke-delegate",
            "--key",
            "alice",
            "--delegate",
            delegate,
            "--delegate-type",
            "sigAuth"));
    assertThat(registry.validDelegate(alice.getAddress(), sigAuth, delegate)).isFalse();
  }

  @Test
  void changeOwnerHandsTheDidOverAndOnlyTheNewOwnerCanActOnIt() throws Exception {
    String did = "did:ethr:0x7a69:" + alice.getAddress();

    JsonNode changed =
        ok(
            cli.run(
                "did",
                "change-owner",
                "--key",
                "alice",
                "--new-owner",
                bob.getAddress(),
                "--json"));
    assertThat(registry.identityOwner(alice.getAddress())).isEqualTo(bob.getAddress());
    DidEvent.OwnerChanged event = single(receipt(changed), DidEvent.OwnerChanged.class);
    assertThat(event.owner()).isEqualTo(bob.getAddress());

    BigInteger changedBefore = registry.changed(alice.getAddress());
    Result refused =
        cli.run("did", "add-service", "--key", "alice", "--type", "S", "--endpoint", "x");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines()).singleElement().asString().contains("does not own " + did);
    assertThat(registry.changed(alice.getAddress())).isEqualTo(changedBefore);

    JsonNode byBob =
        ok(
            cli.run(
                "did",
                "add-service",
                "--key",
                "bob",
                "--did",
                did,
                "--type",
                "S",
                "--endpoint",
                "x",
                "--json"));
    assertThat(receipt(byBob).getFrom()).isEqualTo(bob.getAddress());
    assertThat(single(receipt(byBob), DidEvent.AttributeChanged.class).identity())
        .isEqualTo(alice.getAddress());
  }

  @Test
  void deactivateIsFinal() throws Exception {
    Result unconfirmed = cli.run("did", "deactivate", "--key", "alice");
    assertThat(unconfirmed.exitCode()).isEqualTo(1);
    assertThat(registry.deactivated(alice.getAddress())).isFalse();

    JsonNode sent = ok(cli.run("did", "deactivate", "--key", "alice", "--yes", "--json"));

    assertThat(registry.deactivated(alice.getAddress())).isTrue();
    assertThat(registry.identityOwner(alice.getAddress())).isEqualTo(Transport.ZERO_ADDRESS);
    assertThat(single(receipt(sent), DidEvent.OwnerChanged.class).owner())
        .isEqualTo(Transport.ZERO_ADDRESS);
    Result after =
        cli.run("did", "add-service", "--key", "alice", "--type", "S", "--endpoint", "x", "--json");
    assertThat(after.exitCode()).isEqualTo(1);
    assertThat(Output.JSON.readTree(after.out()).get("error").get("code").asText())
        .isEqualTo("deactivated");
  }

  @Test
  void showReadsTheChainIdFromTheRpcEndpoint() {
    Result show = cli.run("did", "show", "--key", "bob");

    assertThat(show.exitCode()).isZero();
    assertThat(show.out().strip()).isEqualTo("did:ethr:0x7a69:" + bob.getAddress());
  }

  @Test
  void registryAddressWithoutContractIsRefusedBeforeSending() throws Exception {
    BigInteger nonce =
        anvil
            .web3j()
            .ethGetTransactionCount(alice.getAddress(), DefaultBlockParameter.valueOf("latest"))
            .send()
            .getTransactionCount();

    Result result =
        cli.run(
            "did",
            "add-service",
            "--key",
            "alice",
            "--registry",
            bob.getAddress(),
            "--type",
            "S",
            "--endpoint",
            "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("there is no contract at registry");
    assertThat(
            anvil
                .web3j()
                .ethGetTransactionCount(alice.getAddress(), DefaultBlockParameter.valueOf("latest"))
                .send()
                .getTransactionCount())
        .isEqualTo(nonce);
  }

  private static JsonNode ok(Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    try {
      return result.out().startsWith("{") ? Output.JSON.readTree(result.out()) : null;
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static TransactionReceipt receipt(JsonNode sent) throws Exception {
    return anvil
        .web3j()
        .ethGetTransactionReceipt(sent.get("transactionHash").asText())
        .send()
        .getTransactionReceipt()
        .orElseThrow();
  }

  private static <T extends DidEvent> T single(TransactionReceipt receipt, Class<T> type) {
    assertThat(receipt.getLogs()).hasSize(1);
    var log = receipt.getLogs().getFirst();
    assertThat(log.getAddress()).isEqualTo(registry.address());
    return type.cast(DidRegistryEvents.decode(log.getTopics(), log.getData()).orElseThrow());
  }

  private static BigInteger blockTime(TransactionReceipt receipt) throws Exception {
    return anvil
        .web3j()
        .ethGetBlockByNumber(DefaultBlockParameter.valueOf(receipt.getBlockNumber()), false)
        .send()
        .getBlock()
        .getTimestamp();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

package io.assent.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.contracts.devchain.Anvil;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

class ConsentAnchorIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static Anvil anvil;
  private static ConsentAnchorClient client;

  @BeforeAll
  static void deploy() {
    anvil = Anvil.start();
    client = clientFor(Anvil.devCredentials(0), null);
  }

  @AfterAll
  static void stop() {
    if (anvil != null) {
      anvil.close();
    }
  }

  static ConsentAnchorClient clientFor(Credentials key, String address) {
    var receipts = new PollingTransactionReceiptProcessor(anvil.web3j(), 50, 600);
    ConsentAnchorClient c =
        address == null
            ? ConsentAnchorClient.deploy(
                anvil.web3j(), anvil.transactionManager(key), Anvil.gasProvider())
            : ConsentAnchorClient.load(
                address, anvil.web3j(), anvil.transactionManager(key), Anvil.gasProvider());
    return c.withReceiptProcessor(receipts);
  }

  @Test
  void anAnchoredRootComesBackFromTheLog() {
    MerkleTree tree = MerkleTree.of(randomIds(5));

    TransactionReceipt receipt = client.anchor(tree.root(), 5, List.of());

    AnchoredEvent expected =
        new AnchoredEvent(
            Anvil.devCredentials(0).getAddress(), Numeric.toHexString(tree.root()), 5, List.of());
    assertThat(client.anchoredEvents(receipt)).containsExactly(expected);
    Log log = receipt.getLogs().get(0);
    assertThat(log.getTopics().get(0))
        .isEqualTo(ConsentAnchorClient.ANCHORED_TOPIC)
        .isEqualTo(Hash.sha3String("Anchored(address,bytes32,uint256,bytes32[])"));
    assertThat(ConsentAnchorClient.decodeAnchored(log.getTopics(), log.getData()))
        .contains(expected);
  }

  @Test
  void withdrawnIdsAreInTheLogInOrder() {
    List<byte[]> withdrawn = randomIds(3);
    MerkleTree tree = MerkleTree.of(randomIds(2));

    TransactionReceipt receipt = client.anchor(tree.root(), 2, withdrawn);
    TransactionReceipt onlyWithdrawals = client.anchor(new byte[32], 0, withdrawn.subList(0, 1));

    assertThat(client.anchoredEvents(receipt).get(0).withdrawn())
        .containsExactlyElementsOf(withdrawn.stream().map(Numeric::toHexString).toList());
    AnchoredEvent second = client.anchoredEvents(onlyWithdrawals).get(0);
    assertThat(second.count()).isZero();
    assertThat(second.withdrawn()).containsExactly(Numeric.toHexString(withdrawn.get(0)));
  }

  @Test
  void anyAccountMayAnchorAndIsNamedAsSubmitter() {
    Credentials other = Anvil.devCredentials(3);
    ConsentAnchorClient theirs = clientFor(other, client.address());

    TransactionReceipt receipt = theirs.anchor(randomIds(1).get(0), 1, List.of());

    assertThat(theirs.isDeployed()).isTrue();
    assertThat(ConsentAnchorClient.anchoredEvents(receipt, client.address()))
        .singleElement()
        .extracting(AnchoredEvent::submitter)
        .isEqualTo(other.getAddress());
    assertThat(ConsentAnchorClient.anchoredEvents(receipt, "0x" + "12".repeat(20))).isEmpty();
  }

  @Test
  void badBatchesAreRefusedBeforeAnythingIsSent() throws Exception {
    BigInteger nonceBefore = nonceOf(Anvil.devCredentials(0).getAddress());

    assertThatThrownBy(() -> client.submitAnchor(new byte[32], 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs leaves or withdrawals");
    assertThatThrownBy(() -> client.submitAnchor(new byte[31], 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root");
    assertThatThrownBy(() -> client.submitAnchor(new byte[32], -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.submitAnchor(new byte[32], 1, List.of(new byte[3])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withdrawn");

    assertThat(nonceOf(Anvil.devCredentials(0).getAddress())).isEqualTo(nonceBefore);
  }

  @Test
  void anAccountWithoutEtherIsRejectedWithNothingMined() throws Exception {
    Credentials broke = Credentials.create(Keys.createEcKeyPair());
    ConsentAnchorClient theirs = clientFor(broke, client.address());

    assertThatThrownBy(() -> theirs.submitAnchor(randomIds(1).get(0), 1, List.of()))
        .isInstanceOfSatisfying(
            ConsentAnchorException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ConsentAnchorException.Reason.REJECTED);
              assertThat(e.transactionHash()).isEmpty();
            });
    assertThat(nonceOf(broke.getAddress())).isZero();
  }

  @Test
  void nothingIsDeployedAtARandomAddress() {
    assertThat(clientFor(Anvil.devCredentials(0), "0x" + "12".repeat(20)).isDeployed()).isFalse();
    assertThat(client.deploymentReceipt()).isPresent();
  }

  static List<byte[]> randomIds(int n) {
    List<byte[]> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] id = new byte[32];
      RANDOM.nextBytes(id);
      ids.add(id);
    }
    return ids;
  }

  private static BigInteger nonceOf(String address) throws Exception {
    return anvil
        .web3j()
        .ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
        .send()
        .getTransactionCount();
  }
}

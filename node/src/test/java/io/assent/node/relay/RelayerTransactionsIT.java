package io.assent.node.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.devchain.Anvil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The relayer's one transaction manager shared by two clients (as the DID relay and the anchorer
 * share it): concurrent sends never clash on a nonce, and a transaction dropped by a reorg frees
 * its nonce for the next send instead of stalling every later one.
 */
class RelayerTransactionsIT {

  @Test
  void concurrentSendersNeverClashAndADroppedTransactionDoesNotStallTheNext() throws Exception {
    try (Anvil anvil = Anvil.start()) {
      ConsentAnchorClient deployed =
          ConsentAnchorClient.deploy(
              anvil.web3j(),
              anvil.transactionManager(Anvil.devCredentials(0)),
              new DefaultGasProvider());
      anvil.mine(3);
      RelayerTransactions shared =
          new RelayerTransactions(anvil.web3j(), Anvil.devCredentials(1), Anvil.CHAIN_ID);
      ConsentAnchorClient a = client(anvil, deployed.address(), shared);
      ConsentAnchorClient b = client(anvil, deployed.address(), shared);

      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<String>> sends = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ConsentAnchorClient client = i % 2 == 0 ? a : b;
        byte[] root = Hash.sha3(new byte[] {(byte) i});
        sends.add(pool.submit(() -> client.submitAnchor(root, 1, List.of())));
      }
      for (Future<String> send : sends) {
        assertThat(a.awaitReceipt(send.get()).isStatusOK()).isTrue();
      }
      pool.shutdown();

      anvil.reorg(2); // drops the last two anchors, and so two of the relayer's nonces
      String after = a.submitAnchor(Hash.sha3(new byte[] {99}), 1, List.of());
      assertThat(a.awaitReceipt(after).isStatusOK()).isTrue();
    }
  }

  private static ConsentAnchorClient client(
      Anvil anvil, String address, RelayerTransactions shared) {
    return ConsentAnchorClient.load(address, anvil.web3j(), shared, new DefaultGasProvider());
  }
}

package io.assent.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.TestNode;
import io.assent.node.chain.SyncStatus;
import io.assent.node.identity.ResolutionOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * A reorg on the dev chain that drops DID changes a node has already indexed, replaced by other
 * changes: the node's index ends equal to that of a node that synced the final chain from scratch
 * (same digest, same documents), and the dropped changes are gone from its documents.
 */
class NodeReorgIT {

  @Test
  void reorgLeavesTheIndexOfAFreshSyncOfTheFinalChain() {
    try (TestNode net = TestNode.startChain()) {
      Anvil anvil = net.anvil();
      DidHistory history = new DidHistory(net.registry());
      List<Credentials> people = DidHistory.newIdentities(4);
      for (Credentials person : people) {
        history.await(history.addService(person, "ConsentService", "https://kept.example"));
      }
      AssentNode node = net.startNode();
      String dropped = null;
      for (Credentials person : people) {
        dropped = history.addService(person, "Dropped", "https://dropped.example");
      }
      history.await(dropped);
      long head = anvil.blockNumber();
      awaitSynced(node, head);
      assertThat(document(node, people.get(0))).contains("dropped.example");

      anvil.reorg(people.size()); // replaces the blocks holding the "Dropped" services
      DidHistory afterReorg = new DidHistory(net.registry());
      String replaced = null;
      for (Credentials person : people.subList(0, 2)) {
        // A new history reads nonces from the chain: the dropped operations never happened.
        replaced = afterReorg.addService(person, "Replaced", "https://replaced.example");
      }
      afterReorg.await(replaced);
      long finalHead = anvil.blockNumber();
      awaitSynced(node, finalHead);

      AssentNode fresh = net.startNode();
      awaitSynced(fresh, finalHead);
      assertThat(node.follower().status().indexDigest())
          .isEqualTo(fresh.follower().status().indexDigest());
      for (Credentials person : people) {
        assertThat(document(node, person)).isEqualTo(document(fresh, person));
        assertThat(document(node, person)).doesNotContain("dropped.example");
      }
      assertThat(document(node, people.get(0))).contains("replaced.example");
    }
  }

  private static String document(AssentNode node, Credentials person) {
    return node.resolver()
        .resolve("did:ethr:dev:" + person.getAddress(), ResolutionOptions.latest())
        .toJson()
        .get("didDocument")
        .toString();
  }

  private static void awaitSynced(AssentNode node, long block) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              SyncStatus status = node.follower().status();
              return status.syncedBlock() >= block;
            });
  }
}

package io.assent.testnet.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.contracts.consent.AnchoredEvent;
import io.assent.contracts.consent.MerkleTree;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.TestNode;
import io.assent.testnet.ConsentRequests;
import io.assent.testnet.NodeClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * A whole node (HTTP, follower, anchorer) through a reorg that drops its anchor transaction: the
 * consents fall back to pending, the batch is anchored again (one Anchored log on the final chain),
 * the proofs served verify against the new anchor, and the node's index digest equals that of a
 * node that synced the final chain from scratch.
 */
class AnchorReorgIT {
  private static final int BATCH = 4;

  @Test
  void aDroppedAnchorIsAnchoredAgainAndTheIndexEqualsAFreshSync() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      AssentNode node =
          net.startNode(
              Map.of("anchor.batchSize", Integer.toString(BATCH), "anchor.maxWaitMs", "100"));
      NodeClient client = new NodeClient("http://127.0.0.1:" + node.httpPort());
      ConsentRequests requests =
          new ConsentRequests(Anvil.CHAIN_ID, net.consentAnchor().address(), "dev");
      Credentials subject = Credentials.create(Keys.createEcKeyPair());
      long until = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        ConsentRequests.SignedGrant grant =
            requests.grant(
                subject,
                ConsentRequests.randomHex32(),
                List.of("ai:ModelTraining"),
                ConsentRequests.randomHex32(),
                "EU",
                until);
        NodeClient.Answer answer = client.postJson("/v1/consents", grant.body());
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(202);
        ids.add(answer.body().get("consentId").asText());
      }
      NoPersonalDataOnChainIT.awaitStatus(client, ids, "anchored");
      JsonNode first = client.get("/v1/consents/" + ids.get(0)).body().get("anchor");
      long anchorBlock = Long.MAX_VALUE; // the earliest block holding one of the anchors
      for (String id : ids) {
        anchorBlock =
            Math.min(
                anchorBlock,
                client.get("/v1/consents/" + id).body().at("/anchor/blockNumber").asLong());
      }

      net.anvil().reorg((int) (net.anvil().blockNumber() - anchorBlock + 1));
      assertThat(AnchoredEvents.read(net.anvil(), net.consentAnchor().address())).isEmpty();
      NoPersonalDataOnChainIT.awaitStatus(client, ids, "pending");
      net.anvil().mine(25); // past the anchorer's resend window (20 blocks without the tx)
      NoPersonalDataOnChainIT.awaitStatus(client, ids, "anchored");

      // Batches close at BATCH leaves or after 100 ms, so the consents may span several roots.
      List<AnchoredEvent> events = AnchoredEvents.read(net.anvil(), net.consentAnchor().address());
      assertThat(events.stream().mapToLong(AnchoredEvent::count).sum()).isEqualTo(BATCH);
      Map<String, Long> logsPerRoot =
          events.stream()
              .collect(Collectors.groupingBy(AnchoredEvent::root, Collectors.counting()));
      assertThat(logsPerRoot.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
      for (String id : ids) {
        JsonNode anchor = client.get("/v1/consents/" + id).body().get("anchor");
        String root = anchor.get("root").asText();
        assertThat(logsPerRoot).containsKey(root);
        // The same signed transaction may be mined again (same hash), in a later block.
        assertThat(anchor.get("blockHash").asText()).isNotEqualTo(first.get("blockHash").asText());
        assertThat(anchor.get("blockNumber").asLong()).isGreaterThan(anchorBlock);
        List<byte[]> proof = new ArrayList<>();
        anchor.get("proof").forEach(p -> proof.add(Numeric.hexStringToByteArray(p.asText())));
        assertThat(
                MerkleTree.verify(
                    Numeric.hexStringToByteArray(id), proof, Numeric.hexStringToByteArray(root)))
            .isTrue();
      }

      AssentNode fresh = net.startNode();
      NodeClient freshClient = new NodeClient("http://127.0.0.1:" + fresh.httpPort());
      long head = net.anvil().blockNumber();
      JsonNode reorged = client.awaitSyncedTo(head, Duration.ofSeconds(60));
      JsonNode synced = freshClient.awaitSyncedTo(head, Duration.ofSeconds(60));
      assertThat(reorged.get("syncedBlock").asLong()).isEqualTo(synced.get("syncedBlock").asLong());
      assertThat(reorged.get("indexDigest").asText()).isEqualTo(synced.get("indexDigest").asText());
      // The fresh node never saw the records: it knows no status of them (only withdrawn ids).
      assertThat(freshClient.get("/v1/consents/" + ids.get(0)).status()).isEqualTo(404);
    }
  }
}

package io.assent.testnet.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.consent.AnchoredEvent;
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

/**
 * The chain's RPC becomes unreachable (a proxy in front of anvil cuts every connection) while
 * grants keep coming: each is still acknowledged (202), {@code /health/ready} says DEGRADED; once
 * the RPC is back the backlog is anchored, each consent once, none lost.
 */
class RpcOutageIT {
  private static final int BEFORE = 6;
  private static final int DURING = 40;

  @Test
  void grantsAreAcceptedDuringAnOutageAndAnchoredOnceTheRpcReturns() throws Exception {
    try (TestNode net = TestNode.startChain();
        TcpProxy proxy = TcpProxy.start(net.anvil().port())) {
      AssentNode node =
          net.startNode(
              Map.of(
                  "chain.rpcUrl", proxy.url(),
                  "anchor.batchSize", "5",
                  "anchor.maxWaitMs", "100"));
      NodeClient client = new NodeClient("http://127.0.0.1:" + node.httpPort());
      ConsentRequests requests =
          new ConsentRequests(Anvil.CHAIN_ID, net.consentAnchor().address(), "dev");
      Credentials subject = Credentials.create(Keys.createEcKeyPair());
      String dataset = ConsentRequests.randomHex32();

      List<String> ids = new ArrayList<>(submit(client, requests, subject, dataset, BEFORE));
      NoPersonalDataOnChainIT.awaitStatus(client, ids, "anchored");
      awaitReady(client, "UP");

      proxy.down();
      awaitReady(client, "DEGRADED");
      List<String> backlog = submit(client, requests, subject, dataset, DURING);
      for (String id : backlog) {
        assertThat(client.get("/v1/consents/" + id).body().get("status").asText())
            .isEqualTo("pending");
      }
      NodeClient.Answer ready = client.get("/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body().get("status").asText()).isEqualTo("DEGRADED");
      assertThat(ready.body().at("/anchoring/queuedConsents").asLong()).isPositive();

      proxy.up();
      ids.addAll(backlog);
      NoPersonalDataOnChainIT.awaitStatus(client, ids, "anchored");
      awaitReady(client, "UP");

      List<AnchoredEvent> events = AnchoredEvents.read(net.anvil(), net.consentAnchor().address());
      assertThat(events.stream().mapToLong(AnchoredEvent::count).sum())
          .as("leaves anchored")
          .isEqualTo(BEFORE + DURING);
      assertThat(events.stream().collect(Collectors.groupingBy(AnchoredEvent::root)).values())
          .allSatisfy(sameRoot -> assertThat(sameRoot).hasSize(1));
    }
  }

  private static List<String> submit(
      NodeClient client, ConsentRequests requests, Credentials subject, String dataset, int n) {
    long until = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ConsentRequests.SignedGrant grant =
          requests.grant(
              subject,
              dataset,
              List.of("ai:ModelTraining"),
              ConsentRequests.randomHex32(),
              "EU",
              until);
      NodeClient.Answer answer = client.postJson("/v1/consents", grant.body());
      assertThat(answer.status()).as("%s", answer.body()).isEqualTo(202);
      ids.add(answer.body().get("consentId").asText());
    }
    return ids;
  }

  private static void awaitReady(NodeClient client, String state) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> state.equals(client.get("/health/ready").body().get("status").asText()));
  }
}

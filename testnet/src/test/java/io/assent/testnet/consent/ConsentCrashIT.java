package io.assent.testnet.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.contracts.consent.AnchoredEvent;
import io.assent.contracts.consent.MerkleTree;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.TestNode;
import io.assent.testnet.ConsentRequests;
import io.assent.testnet.ConsentRequests.SignedGrant;
import io.assent.testnet.NodeClient;
import io.assent.testnet.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * {@code kill -9} of a node process, three times, while a client streams signed grants to it (in
 * turns: five single requests, then five grants in one {@code POST /v1/consents/batch}) and its
 * anchorer batches them. Grants whose request failed with the kill are resubmitted (the same signed
 * grant: same id or a fresh acceptance). At the end every acknowledged consent is anchored, exactly
 * once: its proof leads to a root with exactly one Anchored log, and the Anchored logs' leaf counts
 * add up to the number of distinct acknowledged consents (no leaf in two batches).
 */
class ConsentCrashIT {
  private static final int GRANTS = 240;
  private static final int KILLS = 3;

  /** Grants per turn: five single requests, then five grants in one batch request. */
  private static final int TURN = 5;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedGrantIsAnchoredExactlyOnceAcrossKillNines() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      Path config = ConsentNodeConfig.write(net, net.anvil().rpcUrl(), dir, 10);
      ConsentRequests requests =
          new ConsentRequests(Anvil.CHAIN_ID, net.consentAnchor().address(), "dev");
      List<SignedGrant> grants = grants(requests);
      Map<String, String> acknowledged = new ConcurrentHashMap<>(); // consent id -> grant body
      List<SignedGrant> failed = new CopyOnWriteArrayList<>();
      AtomicInteger failedRequests = new AtomicInteger();
      AtomicInteger sent = new AtomicInteger();
      try (NodeProcess node =
          NodeProcess.start(
              config,
              Anvil.freePort(),
              ConsentNodeConfig.relayerEnvironment(),
              dir.resolve("node.log"))) {
        NodeClient client = new NodeClient(node.url());
        Thread stream =
            Thread.ofPlatform()
                .start(() -> stream(client, grants, acknowledged, failed, failedRequests, sent));
        for (int kill = 1; kill <= KILLS; kill++) {
          int threshold = GRANTS * kill / (KILLS + 1);
          await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= threshold);
          node.kill9();
          node.restart();
        }
        stream.join(Duration.ofSeconds(90).toMillis());
        assertThat(stream.isAlive()).as("stream finished").isFalse();
        assertThat(sent.get()).isEqualTo(GRANTS);

        for (SignedGrant grant : failed) {
          NodeClient.Answer again = client.postJson("/v1/consents", grant.body());
          assertThat(again.status()).as("%s", again.body()).isIn(200, 202);
          acknowledged.put(again.body().get("consentId").asText(), grant.body());
        }
        assertThat(acknowledged).hasSize(GRANTS); // every grant is a distinct consent

        Map<String, JsonNode> anchors;
        try {
          anchors = awaitAnchored(client, acknowledged.keySet(), net.anvil());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
          throw new AssertionError("not all anchored; node log:\n" + node.tail(), e);
        }
        List<AnchoredEvent> events =
            AnchoredEvents.read(net.anvil(), net.consentAnchor().address());
        Map<String, Long> logsPerRoot =
            events.stream()
                .collect(Collectors.groupingBy(AnchoredEvent::root, Collectors.counting()));
        for (Map.Entry<String, JsonNode> e : anchors.entrySet()) {
          JsonNode anchor = e.getValue();
          String root = anchor.get("root").asText();
          assertThat(logsPerRoot.get(root)).as("Anchored logs of root %s", root).isEqualTo(1L);
          List<byte[]> proof = new ArrayList<>();
          anchor.get("proof").forEach(p -> proof.add(Numeric.hexStringToByteArray(p.asText())));
          assertThat(
                  MerkleTree.verify(
                      Numeric.hexStringToByteArray(e.getKey()),
                      proof,
                      Numeric.hexStringToByteArray(root)))
              .as("proof of %s", e.getKey())
              .isTrue();
        }
        long anchoredLeaves = events.stream().mapToLong(AnchoredEvent::count).sum();
        assertThat(anchoredLeaves).as("leaves under all roots").isEqualTo(acknowledged.size());
        assertThat(failedRequests.get())
            .as("requests cut by the kills")
            .isLessThanOrEqualTo(KILLS * 2);
      }
    }
  }

  private static List<SignedGrant> grants(ConsentRequests requests) throws Exception {
    List<Credentials> subjects = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      subjects.add(Credentials.create(Keys.createEcKeyPair()));
    }
    String dataset = ConsentRequests.randomHex32();
    long until = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
    List<SignedGrant> grants = new ArrayList<>();
    for (int i = 0; i < GRANTS; i++) {
      grants.add(
          requests.grant(
              subjects.get(i % subjects.size()),
              dataset,
              List.of("ai:ModelTraining"),
              ConsentRequests.randomHex32(),
              "EU",
              until));
    }
    return grants;
  }

  /**
   * Sends the grants in turns of {@link #TURN}: singly, then as one batch. A request that fails
   * (connection reset or refused by the kill) is remembered for resubmission, with all its grants,
   * and the stream waits until the node is back.
   */
  private static void stream(
      NodeClient client,
      List<SignedGrant> grants,
      Map<String, String> acknowledged,
      List<SignedGrant> failed,
      AtomicInteger failedRequests,
      AtomicInteger sent) {
    for (int from = 0; from < grants.size(); from += TURN) {
      List<SignedGrant> turn = grants.subList(from, Math.min(from + TURN, grants.size()));
      if ((from / TURN) % 2 == 0) {
        for (SignedGrant grant : turn) {
          send(client, List.of(grant), acknowledged, failed, failedRequests);
          sent.incrementAndGet();
        }
      } else {
        send(client, turn, acknowledged, failed, failedRequests);
        sent.addAndGet(turn.size());
      }
    }
  }

  /** One request: a single grant, or several as a batch; each must be newly accepted. */
  private static void send(
      NodeClient client,
      List<SignedGrant> grants,
      Map<String, String> acknowledged,
      List<SignedGrant> failed,
      AtomicInteger failedRequests) {
    try {
      if (grants.size() == 1) {
        NodeClient.Answer answer = client.postJson("/v1/consents", grants.get(0).body());
        if (answer.status() != 202) {
          throw new IllegalStateException(answer.status() + " " + answer.body());
        }
        acknowledged.put(answer.body().get("consentId").asText(), grants.get(0).body());
        return;
      }
      String body =
          grants.stream()
              .map(SignedGrant::body)
              .collect(Collectors.joining(",", "{\"grants\":[", "]}"));
      NodeClient.Answer answer = client.postJson("/v1/consents/batch", body);
      JsonNode results = answer.body().path("results");
      if (answer.status() != 200 || results.size() != grants.size()) {
        throw new IllegalStateException(answer.status() + " " + answer.body());
      }
      for (int i = 0; i < grants.size(); i++) {
        if (!results.get(i).path("created").asBoolean()) {
          throw new IllegalStateException("not created: " + results.get(i));
        }
        acknowledged.put(results.get(i).get("consentId").asText(), grants.get(i).body());
      }
    } catch (IllegalStateException e) {
      if (e.getCause() == null) {
        throw e; // an answer, not a crash
      }
      failed.addAll(grants);
      failedRequests.incrementAndGet();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(() -> client.get("/health/live").status() == 200);
    }
  }

  /**
   * Waits until every id is anchored; returns each id's anchor (root, proof, ...). A block is mined
   * at each poll, as a live chain would: the anchorer re-sends a transaction lost with a kill only
   * after some blocks without it, and anvil mines blocks only for transactions.
   */
  private static Map<String, JsonNode> awaitAnchored(
      NodeClient client, Set<String> ids, Anvil anvil) {
    Map<String, JsonNode> anchors = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              anvil.mine(1);
              for (String id : ids) {
                if (anchors.containsKey(id)) {
                  continue;
                }
                JsonNode status = client.get("/v1/consents/" + id).body();
                assertThat(status.get("status").asText()).as(id).isEqualTo("anchored");
                anchors.put(id, status.get("anchor"));
              }
            });
    return anchors;
  }
}

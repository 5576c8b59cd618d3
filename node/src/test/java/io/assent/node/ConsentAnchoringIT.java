package io.assent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.consent.AnchoredEvent;
import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.devchain.Anvil;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A whole node: a consent posted over HTTP is anchored by the node's anchorer (paid by its relayer
 * key), and its public status then names the root of an {@code Anchored} log on chain. A node
 * without a relayer key accepts consents but says it does not anchor them.
 */
class ConsentAnchoringIT {

  @Test
  void aPostedConsentGetsAnchoredOnChain() throws Exception {
    try (TestNode chain = TestNode.startChain()) {
      AssentNode node = chain.startNode(Map.of("anchor.maxWaitMs", "0"));
      Http http = new Http(node.httpPort());
      String anchor = chain.consentAnchor().address();

      Http.Response posted = http.postJson("/v1/consents", signedGrant(anchor, 3));
      assertThat(posted.status()).isEqualTo(202);
      String id = posted.json().getString("consentId");

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> "anchored".equals(http.get("/v1/consents/" + id).json().getString("status")));
      JsonObject anchored = http.get("/v1/consents/" + id).json().getJsonObject("anchor");
      TransactionReceipt receipt =
          chain
              .anvil()
              .web3j()
              .ethGetTransactionReceipt(anchored.getString("txHash"))
              .send()
              .getTransactionReceipt()
              .orElseThrow();
      List<AnchoredEvent> events = ConsentAnchorClient.anchoredEvents(receipt, anchor);
      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.root()).isEqualTo(anchored.getString("root"));
                assertThat(e.count()).isEqualTo(1);
                assertThat(e.submitter())
                    .isEqualTo(Anvil.devCredentials(TestNode.RELAYER).getAddress().toLowerCase());
              });

      JsonObject anchoring = http.get("/v1/status").json().getJsonObject("anchoring");
      assertThat(anchoring.getBoolean("enabled")).isTrue();
      assertThat(anchoring.getLong("queuedConsents")).isZero();
      assertThat(anchoring.getLong("pendingBatches")).isZero();
      assertThat(anchoring.getBoolean("rpcReachable")).isTrue();
    }
  }

  @Test
  void aNodeWithoutARelayerKeySaysItDoesNotAnchor() {
    try (TestNode chain = TestNode.startChain()) {
      AssentNode node = chain.startNode(Map.of("relayer.key", ""));
      Http http = new Http(node.httpPort());

      assertThat(
              http.postJson("/v1/consents", signedGrant(chain.consentAnchor().address(), 4))
                  .status())
          .isEqualTo(202);

      await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/ready").status() == 200);
      JsonObject ready = http.get("/health/ready").json();
      assertThat(ready.getJsonObject("anchoring").getBoolean("enabled")).isFalse();
      JsonObject anchoring = http.get("/v1/status").json().getJsonObject("anchoring");
      assertThat(anchoring.getBoolean("enabled")).isFalse();
    }
  }

  private static JsonObject signedGrant(String anchor, int key) {
    Credentials subject = Anvil.devCredentials(key);
    long now = Instant.now().getEpochSecond();
    ConsentGrant grant =
        new ConsentGrant(
            subject.getAddress(),
            "0x" + "d5".repeat(32),
            List.of("ai:ModelTraining"),
            "dpv:Use",
            "dpv:Consent",
            "0x" + "ab".repeat(32),
            "v1",
            "EU",
            now - 60,
            now + 86_400,
            "0x" + "%064x".formatted(key));
    String signature =
        ConsentTypedData.sign(Eip712Domain.assent(Anvil.CHAIN_ID, anchor), grant, subject);
    JsonObject body =
        new JsonObject()
            .put("subject", "did:ethr:dev:" + subject.getAddress())
            .put("dataset", grant.dataset())
            .put("purposes", new JsonArray(grant.purposes()))
            .put("processing", grant.processing())
            .put("legalBasis", grant.legalBasis())
            .put("noticeDigest", grant.noticeDigest())
            .put("noticeVersion", grant.noticeVersion())
            .put("jurisdiction", grant.jurisdiction())
            .put("validFrom", grant.validFrom())
            .put("validUntil", grant.validUntil())
            .put("nonce", grant.nonce());
    return new JsonObject().put("grant", body).put("signature", signature);
  }
}

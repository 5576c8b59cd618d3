package io.assent.node.api;

import static io.assent.node.api.DatasetApiIT.assertProblem;
import static io.assent.node.api.DatasetRelayRequests.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.Http;
import io.assent.node.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The dataset index as the chain moves under it (a reorg that drops a registration), and the
 * consent service asking it which datasets take consents.
 */
class DatasetIndexIT {
  private static final Credentials CURATOR = Anvil.devCredentials(3);
  private static final SecureRandom RANDOM = new SecureRandom();

  private static TestNode net;
  private static AssentNode node;
  private static Http http;
  private static DatasetRegistryClient curatorClient;

  @BeforeAll
  static void start() {
    net = TestNode.startChain();
    net.anvil().mine(5); // so that the reorg below never reaches the deployments
    node = net.startNode(quiet(net.withDatasets()));
    http = new Http(node.httpPort());
    curatorClient =
        DatasetRegistryClient.load(
            net.datasetRegistry().address(),
            net.anvil().web3j(),
            net.anvil().transactionManager(CURATOR),
            Anvil.gasProvider());
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  /** Never anchors during the test, so blocks come only from the test's own transactions. */
  private static Map<String, String> quiet(Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>(overrides);
    settings.put("anchor.maxWaitMs", "86400000");
    return settings;
  }

  @Test
  void aReorgThatDropsARegistrationLeavesTheIndexOfAFreshSync() {
    String parent = register("reorg-parent", List.of());
    String child = register("reorg-child", List.of(parent));
    assertThat(lineageIds(parent)).contains(child);

    net.anvil().reorg(1); // the child's block becomes an empty one
    net.anvil().mine(1);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/v1/datasets/" + child).status() == 404);
    assertThat(lineageIds(parent)).doesNotContain(child);
    assertThat(http.get("/v1/datasets/" + child + "/history").status()).isEqualTo(404);
    assertThat(http.get("/v1/datasets?curator=" + CURATOR.getAddress()).body())
        .doesNotContain(child)
        .contains(parent);

    AssentNode fresh = net.startNode(quiet(net.withDatasets()));
    Http freshHttp = new Http(fresh.httpPort());
    long head = net.anvil().blockNumber();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> synced(http) == head && synced(freshHttp) == head);
    assertThat(http.get("/v1/status").json().getString("indexDigest"))
        .isEqualTo(freshHttp.get("/v1/status").json().getString("indexDigest"));
    assertThat(freshHttp.get("/v1/datasets?curator=" + CURATOR.getAddress()).body())
        .isEqualTo(http.get("/v1/datasets?curator=" + CURATOR.getAddress()).body());
  }

  @Test
  void grantsNeedARegisteredDatasetThatIsNotDeprecated() {
    Eip712Domain domain = Eip712Domain.assent(Anvil.CHAIN_ID, net.consentAnchor().address());
    Credentials subject = newKey();
    String unknown = "0x" + "5e".repeat(32);
    assertProblem(
        http.postJson("/v1/consents", grant(domain, subject, unknown)), 404, "datasetNotFound");

    String id = register("consented", List.of());
    Http.Response accepted = http.postJson("/v1/consents", grant(domain, subject, id));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

    curatorClient.send(new DatasetOperation.Deprecate(id, "withdrawn from use"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/v1/datasets/" + id).json().containsKey("deprecated"));
    assertProblem(
        http.postJson("/v1/consents", grant(domain, subject, id)), 410, "datasetDeprecated");

    JsonObject status = http.get("/v1/status").json();
    assertThat(status.getJsonObject("contracts").getString("datasetRegistry"))
        .isEqualTo(net.datasetRegistry().address());
    assertThat(status.getJsonObject("datasets").getBoolean("consentsRequireRegisteredDataset"))
        .isTrue();
  }

  @Test
  void aNodeWithoutARegistryTakesConsentsForAnyDatasetAndSaysSo() {
    AssentNode plain = net.startNode(quiet(Map.of()));
    Http plainHttp = new Http(plain.httpPort());
    Eip712Domain domain = Eip712Domain.assent(Anvil.CHAIN_ID, net.consentAnchor().address());

    Http.Response accepted =
        plainHttp.postJson("/v1/consents", grant(domain, newKey(), "0x" + "5f".repeat(32)));

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    JsonObject status = plainHttp.get("/v1/status").json();
    assertThat(status.getJsonObject("contracts").getValue("datasetRegistry")).isNull();
    assertThat(status.getJsonObject("datasets").getBoolean("enabled")).isFalse();
    assertThat(status.getJsonObject("datasets").getBoolean("consentsRequireRegisteredDataset"))
        .isFalse();
    assertThat(plainHttp.get("/v1/datasets").json().getJsonArray("datasets")).isEmpty();
    assertProblem(
        plainHttp.postJson(
            "/v1/datasets/operations",
            DatasetRelayRequests.body(
                registration(CURATOR.getAddress(), "n", "MIT", List.of()),
                CURATOR.getAddress(),
                java.math.BigInteger.ZERO,
                "0x" + "11".repeat(65))),
        503,
        "relayDisabled");
  }

  private static String register(String name, List<String> parents) {
    DatasetOperation.Register op = registration(CURATOR.getAddress(), name, "MIT", parents);
    curatorClient.send(op);
    String id = op.datasetId();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/v1/datasets/" + id).status() == 200);
    return id;
  }

  private static List<String> lineageIds(String id) {
    JsonArray nodes =
        http.get("/v1/datasets/" + id + "/lineage?direction=descendants")
            .json()
            .getJsonArray("nodes");
    return nodes.stream().map(n -> ((JsonObject) n).getString("id")).toList();
  }

  private static long synced(Http to) {
    return to.get("/v1/status").json().getLong("syncedBlock");
  }

  private static JsonObject grant(Eip712Domain domain, Credentials subject, String dataset) {
    byte[] nonce = new byte[32];
    RANDOM.nextBytes(nonce);
    long now = Instant.now().getEpochSecond();
    ConsentGrant grant =
        new ConsentGrant(
            subject.getAddress(),
            dataset,
            List.of("ai:ModelTraining"),
            "dpv:Use",
            "dpv:Consent",
            "0x" + "ab".repeat(32),
            "v1",
            "EU",
            now - 60,
            now + 86_400,
            Numeric.toHexString(nonce));
    JsonObject json =
        new JsonObject()
            .put("subject", "did:ethr:dev:" + subject.getAddress())
            .put("dataset", dataset)
            .put("purposes", new JsonArray().add("ai:ModelTraining"))
            .put("processing", "dpv:Use")
            .put("legalBasis", "dpv:Consent")
            .put("noticeDigest", grant.noticeDigest())
            .put("noticeVersion", "v1")
            .put("jurisdiction", "EU")
            .put("validFrom", grant.validFrom())
            .put("validUntil", grant.validUntil())
            .put("nonce", grant.nonce());
    return new JsonObject()
        .put("grant", json)
        .put("signature", ConsentTypedData.sign(domain, grant, subject));
  }

  private static Credentials newKey() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

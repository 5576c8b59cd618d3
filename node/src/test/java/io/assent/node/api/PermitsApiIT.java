package io.assent.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.ConsentWithdrawal;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.consent.MerkleTree;
import io.assent.contracts.dataset.DatasetIds;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/**
 * Permits and the curator's consent manifest over real HTTP, against a node on a real dev chain
 * with the dataset registry: an inherited non-commercial license, consents granted, anchored and
 * withdrawn through the API, and the manifest's proofs checked with the Merkle tree alone.
 */
class PermitsApiIT {
  private static final String DIGEST = "0x" + "ab".repeat(32);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Credentials CURATOR = Anvil.devCredentials(2);
  private static TestNode net;
  private static AssentNode node;
  private static Http http;
  private static Eip712Domain domain;
  private static String crawl;
  private static String tokenized;
  private static String faces;
  private static TransactionReceipt crawlReceipt;

  @BeforeAll
  static void start() {
    net = TestNode.startChain();
    Anvil anvil = net.anvil();
    DatasetRegistryClient deployed =
        DatasetRegistryClient.deploy(
            anvil.web3j(),
            anvil.transactionManager(Anvil.devCredentials(0)),
            new DefaultGasProvider(),
            net.registry().address());
    DatasetRegistryClient registry =
        DatasetRegistryClient.load(
            deployed.address(),
            anvil.web3j(),
            anvil.transactionManager(CURATOR),
            new DefaultGasProvider());
    crawl = DatasetIds.of(CURATOR.getAddress(), "web-crawl", "1");
    crawlReceipt = registry.send(register("web-crawl", "CC-BY-NC-4.0"));
    tokenized = DatasetIds.of(CURATOR.getAddress(), "tokenized", "1");
    registry.send(register("tokenized", "CC0-1.0", crawl));
    faces = DatasetIds.of(CURATOR.getAddress(), "faces", "1");
    registry.send(register("faces", "CC0-1.0"));
    node =
        net.startNode(
            Map.of("contracts.datasetRegistry", deployed.address(), "anchor.maxWaitMs", "200"));
    http = new Http(node.httpPort());
    domain = Eip712Domain.assent(Anvil.CHAIN_ID, net.consentAnchor().address());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/v1/datasets/" + faces).status() == 200);
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  private static DatasetOperation.Register register(
      String name, String license, String... parents) {
    return new DatasetOperation.Register(
        CURATOR.getAddress(),
        name,
        "1",
        DIGEST,
        DIGEST,
        "https://example.org/" + name,
        license,
        List.of(parents));
  }

  /** A time at or after every block so far (anvil may stamp blocks ahead of the wall clock). */
  private static long now() {
    try {
      long head =
          net.anvil()
              .web3j()
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getTimestamp()
              .longValueExact();
      return Math.max(Instant.now().getEpochSecond(), head);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject permit(String id, String purpose) {
    Http.Response r =
        http.get("/v1/datasets/" + id + "/permits?purpose=" + purpose + "&at=" + now());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static void problem(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().getString("code")).isEqualTo(code);
  }

  @Test
  void anInheritedNonCommercialLicenseDeniesCommercialTrainingNamingTheAncestor() {
    JsonObject p = permit(tokenized, "commercial-ai-training");
    assertThat(p.getString("decision")).isEqualTo("denied");
    JsonObject denied =
        p.getJsonArray("reasons").stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("verdict").equals("denied"))
            .findFirst()
            .orElseThrow();
    assertThat(denied.getString("dataset")).isEqualTo(crawl);
    assertThat(denied.getString("license")).isEqualTo("CC-BY-NC-4.0");
    assertThat(denied.getString("kind")).isEqualTo("license");
    JsonObject registration =
        p.getJsonObject("evidence").getJsonArray("registrations").stream()
            .map(JsonObject.class::cast)
            .filter(r -> r.getString("dataset").equals(crawl))
            .findFirst()
            .orElseThrow();
    assertThat(registration.getString("txHash")).isEqualTo(crawlReceipt.getTransactionHash());
    assertThat(registration.getLong("blockNumber"))
        .isEqualTo(crawlReceipt.getBlockNumber().longValueExact());
    assertThat(permit(tokenized, "non-commercial-research").getString("decision"))
        .isEqualTo("conditional");
  }

  @Test
  void badQueriesGetTheirCodes() {
    problem(http.get("/v1/datasets/" + faces + "/permits?purpose=mining"), 400, "unknownPurpose");
    problem(
        http.get("/v1/datasets/" + faces + "/permits?purpose=redistribution&at=yesterday"),
        400,
        "invalidRequest");
    problem(
        http.get("/v1/datasets/0x" + "00".repeat(32) + "/permits?purpose=redistribution"),
        404,
        "datasetNotFound");
    problem(
        http.get("/v1/datasets/" + faces + "/consent-manifest?purpose=mining", siwe(CURATOR)),
        400,
        "unknownPurpose");
  }

  @Test
  void consentsMakeThePermitConditionalAndTheCuratorGetsAManifestWhoseProofsVerify() {
    List<Credentials> subjects = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Credentials subject = newIdentity();
      subjects.add(subject);
      Http.Response r = http.postJson("/v1/consents", grant(subject));
      assertThat(r.status()).as(r.body()).isEqualTo(202);
      ids.add(r.json().getString("consentId"));
    }
    ids.forEach(PermitsApiIT::awaitAnchored);

    JsonObject p = permit(faces, "commercial-ai-training");
    assertThat(p.getString("decision")).isEqualTo("conditional");
    assertThat(p.getJsonArray("conditions").getList()).containsExactly("consented-subjects-only");
    assertThat(p.getJsonObject("consents").getLong("valid")).isEqualTo(3);
    JsonArray anchors = p.getJsonObject("evidence").getJsonArray("anchors");
    assertThat(anchors).isNotEmpty();

    String path = "/v1/datasets/" + faces + "/consent-manifest?purpose=commercial-ai-training";
    problem(http.get(path), 401, "unauthenticated");
    Credentials stranger = newIdentity();
    problem(http.get(path, siwe(stranger)), 403, "forbidden");
    Http.Response manifest = http.get(path, siwe(CURATOR));
    assertThat(manifest.status()).as(manifest.body()).isEqualTo(200);
    assertThat(manifest.contentType()).startsWith("application/jsonl");
    List<JsonObject> lines = lines(manifest.body());
    assertThat(lines)
        .extracting(l -> l.getString("consentId"))
        .containsExactlyInAnyOrderElementsOf(ids);
    for (JsonObject line : lines) {
      List<byte[]> proof =
          line.getJsonArray("proof").stream()
              .map(h -> Numeric.hexStringToByteArray((String) h))
              .toList();
      assertThat(
              MerkleTree.verify(
                  Numeric.hexStringToByteArray(line.getString("leaf")),
                  proof,
                  Numeric.hexStringToByteArray(line.getString("root"))))
          .isTrue();
      assertThat(line.getJsonArray("purposes").getList()).contains("ai:ModelTraining");
    }

    // The curator reads a consent's record; a stranger may not.
    assertThat(http.get("/v1/consents/" + ids.get(0) + "/record", siwe(CURATOR)).status())
        .isEqualTo(200);
    problem(http.get("/v1/consents/" + ids.get(0) + "/record", siwe(stranger)), 403, "forbidden");

    // A withdrawal reaches the chain: it leaves the manifest and joins withdrawnSince.
    Http.Response w =
        http.postJson(
            "/v1/consents/" + ids.get(0) + "/withdrawal", withdrawal(ids.get(0), subjects.get(0)));
    assertThat(w.status()).as(w.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                http.get("/v1/consents/" + ids.get(0))
                    .json()
                    .getString("status")
                    .equals("withdrawn"));
    List<JsonObject> withdrawn =
        lines(
            http.get("/v1/datasets/" + faces + "/consent-manifest?withdrawnSince=0", siwe(CURATOR))
                .body());
    assertThat(withdrawn)
        .singleElement()
        .satisfies(l -> assertThat(l.getString("consentId")).isEqualTo(ids.get(0)));
    long block = withdrawn.get(0).getJsonObject("withdrawnAt").getLong("blockNumber");
    assertThat(
            lines(
                http.get(
                        "/v1/datasets/" + faces + "/consent-manifest?withdrawnSince=" + (block + 1),
                        siwe(CURATOR))
                    .body()))
        .isEmpty();
    assertThat(lines(http.get(path + "&at=" + now(), siwe(CURATOR)).body()))
        .extracting(l -> l.getString("consentId"))
        .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
  }

  private static List<JsonObject> lines(String body) {
    return body.lines().filter(l -> !l.isBlank()).map(JsonObject::new).toList();
  }

  private static void awaitAnchored(String id) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/v1/consents/" + id).json().getString("status").equals("anchored"));
  }

  private static Credentials newIdentity() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nonce() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Numeric.toHexString(b);
  }

  private static JsonObject grant(Credentials subject) {
    long from = Instant.now().getEpochSecond() - 60;
    long until = from + 86_400;
    String nonce = nonce();
    JsonObject g =
        new JsonObject()
            .put("subject", "did:ethr:dev:" + subject.getAddress())
            .put("dataset", faces)
            .put("purposes", new JsonArray().add("ai:ModelTraining"))
            .put("processing", "dpv:Use")
            .put("legalBasis", "dpv:Consent")
            .put("noticeDigest", DIGEST)
            .put("noticeVersion", "v1")
            .put("jurisdiction", "EU")
            .put("validFrom", from)
            .put("validUntil", until)
            .put("nonce", nonce);
    ConsentGrant message =
        new ConsentGrant(
            subject.getAddress(),
            faces,
            List.of("ai:ModelTraining"),
            "dpv:Use",
            "dpv:Consent",
            DIGEST,
            "v1",
            "EU",
            from,
            until,
            nonce);
    return new JsonObject()
        .put("grant", g)
        .put("signature", ConsentTypedData.sign(domain, message, subject));
  }

  private static JsonObject withdrawal(String id, Credentials subject) {
    String n = nonce();
    long t = Instant.now().getEpochSecond();
    return new JsonObject()
        .put(
            "withdrawal",
            new JsonObject()
                .put("consentId", id)
                .put("subject", "did:ethr:dev:" + subject.getAddress())
                .put("time", t)
                .put("nonce", n))
        .put(
            "signature",
            ConsentTypedData.sign(
                domain, new ConsentWithdrawal(id, subject.getAddress(), t, n), subject));
  }

  /** {@code Authorization: SIWE <base64url(message)>.<signature>} for this node. */
  private static Map<String, String> siwe(Credentials who) {
    return ConsentApiRequests.siwe(who, node);
  }
}

package io.assent.node.api;

import static io.assent.node.api.DatasetRelayRequests.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.dataset.DatasetIds;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.DidRegistryClient;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.node.AssentNode;
import io.assent.node.Http;
import io.assent.node.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * The dataset endpoints over real HTTP against a node indexing a real DatasetRegistry on a dev
 * chain: registrations sent directly and relayed, the views, and every relay refusal with its code
 * and nothing sent.
 */
class DatasetApiIT {
  private static final Credentials CURATOR = Anvil.devCredentials(2);
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static TestNode net;
  private static AssentNode node;
  private static Http http;
  private static DatasetRelayRequests requests;

  @BeforeAll
  static void start() {
    net = TestNode.startChain();
    Map<String, String> settings = new HashMap<>(net.withDatasets());
    // Never anchor during these tests: a refusal must leave the block number as it was.
    settings.put("anchor.maxWaitMs", "86400000");
    node = net.startNode(settings);
    http = new Http(node.httpPort());
    requests =
        new DatasetRelayRequests(
            Eip712Domain.datasetRegistry(Anvil.CHAIN_ID, net.datasetRegistry().address()));
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  @Test
  void registeredDirectlyAndRelayedTheViewsShowEverything() {
    String digestBefore = http.get("/v1/status").json().getString("indexDigest");
    String base = registerDirectly(name("base"), "CC-BY-4.0", List.of());
    DatasetOperation.Register op =
        registration(
            CURATOR.getAddress(), name("derived"), "CC-BY-4.0 AND ODbL-1.0", List.of(base));

    Http.Response relayed = http.postJson("/v1/datasets/operations", signedByCurator(op));

    assertThat(relayed.status()).as(relayed.body()).isEqualTo(202);
    String derived = DatasetIds.of(CURATOR.getAddress(), op.name(), op.version());
    assertThat(relayed.json().getString("datasetId")).isEqualTo(derived);
    String txHash = relayed.json().getString("txHash");
    JsonObject view = awaitDataset(derived);
    assertThat(view.getString("id")).isEqualTo(derived);
    assertThat(view.getString("curator")).isEqualTo("did:ethr:dev:" + CURATOR.getAddress());
    assertThat(view.getString("curatorAddress")).isEqualTo(CURATOR.getAddress());
    assertThat(view.getString("name")).isEqualTo(op.name());
    assertThat(view.getString("version")).isEqualTo("1.0");
    assertThat(view.getString("contentDigest")).isEqualTo(DatasetRelayRequests.DIGEST);
    assertThat(view.getString("metadataDigest")).isEqualTo(DatasetRelayRequests.DIGEST);
    assertThat(view.getString("metadataUri")).isEqualTo("ipfs://meta/" + op.name());
    assertThat(view.getString("license")).isEqualTo("CC-BY-4.0 AND ODbL-1.0");
    assertThat(view.getBoolean("licenseValid")).isTrue();
    assertThat(view.getJsonArray("parents")).containsExactly(base);
    JsonObject registered = view.getJsonObject("registered");
    assertThat(registered.getString("txHash")).isEqualTo(txHash);
    assertThat(registered.getString("actor")).isEqualTo(CURATOR.getAddress());
    assertThat(registered.getLong("blockNumber")).isPositive();
    assertThat(registered.getString("blockHash")).matches("0x[0-9a-f]{64}");
    assertThat(registered.getLong("timestamp")).isPositive();
    assertThat(view.containsKey("licenseChanged")).isFalse();
    assertThat(view.containsKey("deprecated")).isFalse();
    assertThat(http.get("/v1/status").json().getString("indexDigest"))
        .as("dataset logs count in the index digest")
        .isNotEqualTo(digestBefore);

    JsonObject mine = http.get("/v1/datasets?curator=did:ethr:dev:" + CURATOR.getAddress()).json();
    assertThat(ids(mine.getJsonArray("datasets"))).contains(base, derived).isSorted();
    assertThat(mine.containsKey("next")).isFalse();
    JsonObject first = http.get("/v1/datasets?limit=1&curator=" + CURATOR.getAddress()).json();
    assertThat(first.getJsonArray("datasets")).hasSize(1);
    assertThat(first.getString("next")).isEqualTo(ids(first.getJsonArray("datasets")).get(0));
    assertThat(ids(http.get("/v1/datasets?license=odbl-1.0").json().getJsonArray("datasets")))
        .containsExactly(derived);

    JsonObject lineage = http.get("/v1/datasets/" + derived + "/lineage").json();
    assertThat(lineage.getString("root")).isEqualTo(derived);
    assertThat(lineage.getString("direction")).isEqualTo("ancestors");
    assertThat(lineage.getInteger("depth")).isEqualTo(100);
    assertThat(lineage.getBoolean("truncated")).isFalse();
    assertThat(lineage.getJsonArray("nodes").getJsonObject(1).getMap())
        .containsEntry("id", base)
        .containsEntry("license", "CC-BY-4.0")
        .containsEntry("licenseValid", true)
        .containsEntry("deprecated", false)
        .containsEntry("depth", 1);
    assertThat(lineage.getJsonArray("edges").getJsonObject(0).getMap())
        .isEqualTo(Map.of("parent", base, "child", derived));
    JsonObject down =
        http.get("/v1/datasets/" + base + "/lineage?direction=descendants&depth=1").json();
    assertThat(down.getJsonArray("nodes")).hasSize(2);

    JsonArray events =
        http.get("/v1/datasets/" + derived + "/history").json().getJsonArray("events");
    assertThat(events).hasSize(1);
    assertThat(events.getJsonObject(0).getMap())
        .containsEntry("type", "registered")
        .containsEntry("txHash", txHash)
        .containsEntry("license", "CC-BY-4.0 AND ODbL-1.0")
        .containsEntry("curator", "did:ethr:dev:" + CURATOR.getAddress())
        .containsEntry("actor", CURATOR.getAddress());
  }

  @Test
  void unknownAndMalformedIdsAreProblems() {
    String unknown = "0x" + "42".repeat(32);
    for (String path : List.of("", "/lineage", "/history")) {
      assertProblem(http.get("/v1/datasets/" + unknown + path), 404, "datasetNotFound");
      assertProblem(http.get("/v1/datasets/0x1234" + path), 400, "invalidRequest");
    }
    assertProblem(http.get("/v1/datasets?limit=0"), 400, "invalidRequest");
    assertProblem(http.get("/v1/datasets?limit=1001"), 400, "invalidRequest");
    assertProblem(http.get("/v1/datasets?curator=bob"), 400, "invalidRequest");
    assertProblem(
        http.get("/v1/datasets?curator=did:ethr:0x5:" + CURATOR.getAddress()),
        400,
        "unknownNetwork");
    assertProblem(
        http.get("/v1/datasets/" + unknown + "/lineage?direction=sideways"), 400, "invalidRequest");
  }

  /**
   * Parameters are checked against openapi.yaml before the endpoint runs (in place, see
   * ParameterValidation): a path pattern, a query enum, a query pattern and a missing required
   * query parameter each get a 400 whose detail comes from the validator and names the parameter.
   */
  @Test
  void parametersAreCheckedAgainstTheDocumentBeforeTheEndpointRuns() {
    String unknown = "0x" + "42".repeat(32);
    Map<String, String> parameterOf =
        Map.of(
            "/v1/datasets/0x1234",
            "id",
            "/v1/datasets/" + unknown + "/lineage?direction=sideways",
            "direction",
            "/v1/datasets?license=not%20an%20id",
            "license",
            "/v1/datasets/" + unknown + "/permits",
            "purpose");
    parameterOf.forEach(
        (path, parameter) -> {
          Http.Response response = http.get(path);
          assertProblem(response, 400, "invalidRequest");
          assertThat(response.json().getString("detail")).as(path).contains(parameter);
        });
  }

  @Test
  void theSignerNonceComesFromTheChainAndMovesWithEachRelayedOperation() {
    String signer = CURATOR.getAddress();
    JsonObject before =
        http.get("/v1/datasets/signers/" + signer.toUpperCase().replace("0X", "0x")).json();
    assertThat(before.getString("signer")).isEqualTo(signer);
    assertThat(before.getString("nonce")).isEqualTo(nonce(CURATOR).toString());
    assertThat(before.getString("registry")).isEqualTo(net.datasetRegistry().address());

    Http.Response relayed =
        http.postJson(
            "/v1/datasets/operations",
            signedByCurator(registration(signer, name("nonce"), "MIT", List.of())));
    assertThat(relayed.status()).as(relayed.body()).isEqualTo(202);
    assertThat(http.get("/v1/datasets/signers/" + signer).json().getString("nonce"))
        .isEqualTo(new BigInteger(before.getString("nonce")).add(BigInteger.ONE).toString());

    assertProblem(http.get("/v1/datasets/signers/0x1234"), 400, "invalidRequest");
  }

  @Test
  void aDelegateActsForTheCuratorUntilRevoked() {
    String id = registerDirectly(name("delegated"), "CC-BY-NC-4.0", List.of());
    Credentials delegate = newKey();
    DidRegistryClient did =
        DidRegistryClient.load(
            net.registry().address(),
            net.anvil().web3j(),
            net.anvil().transactionManager(CURATOR),
            Anvil.gasProvider());
    byte[] sigAuth = DidNames.encode(DidNames.SIG_AUTH);
    did.send(
        new Erc1056Operation.AddDelegate(
            CURATOR.getAddress(), sigAuth, delegate.getAddress(), BigInteger.valueOf(86_400)));

    DatasetOperation change = new DatasetOperation.UpdateLicense(id, "CC-BY-4.0");
    Http.Response accepted = http.postJson("/v1/datasets/operations", signed(change, delegate));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> awaitDataset(id).getString("license").equals("CC-BY-4.0"));
    assertThat(awaitDataset(id).getJsonObject("licenseChanged").getString("actor"))
        .isEqualTo(delegate.getAddress());

    did.send(
        new Erc1056Operation.RevokeDelegate(CURATOR.getAddress(), sigAuth, delegate.getAddress()));
    refused(
        signed(new DatasetOperation.UpdateLicense(id, "MIT"), delegate), 403, "notCuratorAgent");
    assertThat(awaitDataset(id).getString("license")).isEqualTo("CC-BY-4.0");
    JsonArray events = http.get("/v1/datasets/" + id + "/history").json().getJsonArray("events");
    assertThat(events.stream().map(e -> ((JsonObject) e).getString("type")))
        .containsExactly("registered", "licenseChanged");
  }

  @Test
  void relayRefusalsHaveTheirCodesAndSendNothing() {
    String parent = registerDirectly(name("parent"), "MIT", List.of());
    Credentials stranger = newKey();
    String unknown = "0x" + "77".repeat(32);

    DatasetOperation.Register forCurator =
        registration(CURATOR.getAddress(), name("x"), "MIT", List.of(parent));
    refused(signed(forCurator, stranger), 403, "notCuratorAgent");
    refused(
        signedByCurator(registration(CURATOR.getAddress(), name("x"), "MIT", List.of(unknown))),
        404,
        "unknownParent");
    refused(
        signedByCurator(registration(CURATOR.getAddress(), name("x"), "MIT AND (", List.of())),
        400,
        "invalidLicense");
    refused(
        signedByCurator(
            registration(CURATOR.getAddress(), name("x"), "No-Such-License-9", List.of())),
        400,
        "invalidLicense");
    BigInteger nonce = nonce(CURATOR);
    refused(requests.signed(forCurator, CURATOR, nonce.add(BigInteger.ONE)), 409, "staleNonce");
    JsonObject forged =
        requests.signed(forCurator, stranger, nonce).put("signer", CURATOR.getAddress());
    refused(forged, 400, "invalidSignature");
    DatasetOperation.Register again =
        registration(CURATOR.getAddress(), "ignored", "MIT", List.of());
    refused(
        signedByCurator(
            new DatasetOperation.Register(
                CURATOR.getAddress(),
                nameOf(parent),
                "1.0",
                again.contentDigest(),
                again.metadataDigest(),
                "",
                "MIT",
                List.of())),
        409,
        "datasetExists");
    refused(
        signedByCurator(new DatasetOperation.UpdateLicense(unknown, "MIT")),
        404,
        "datasetNotFound");
    JsonObject incomplete = signedByCurator(forCurator);
    incomplete.getJsonObject("operation").remove("name");
    refused(incomplete, 400, "invalidRequest");

    Http.Response deprecated =
        http.postJson(
            "/v1/datasets/operations",
            signedByCurator(new DatasetOperation.Deprecate(parent, "superseded")));
    assertThat(deprecated.status()).as(deprecated.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> awaitDataset(parent).containsKey("deprecated"));
    assertThat(awaitDataset(parent).getJsonObject("deprecated").getString("reason"))
        .isEqualTo("superseded");
    refused(
        signedByCurator(new DatasetOperation.UpdateLicense(parent, "Apache-2.0")),
        410,
        "datasetDeprecated");
    refused(
        signedByCurator(new DatasetOperation.Deprecate(parent, "again")), 410, "datasetDeprecated");
  }

  // ---- helpers ----

  private static final Map<String, String> NAME_OF = new java.util.concurrent.ConcurrentHashMap<>();

  private static String name(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  private static String nameOf(String id) {
    return NAME_OF.get(id);
  }

  /** Registers as the curator itself (sender = owner) and waits until the node indexed it. */
  private static String registerDirectly(String name, String license, List<String> parents) {
    DatasetOperation.Register op = registration(CURATOR.getAddress(), name, license, parents);
    DatasetRegistryClient.load(
            net.datasetRegistry().address(),
            net.anvil().web3j(),
            net.anvil().transactionManager(CURATOR),
            Anvil.gasProvider())
        .send(op);
    String id = op.datasetId();
    NAME_OF.put(id, name);
    awaitDataset(id);
    return id;
  }

  private static JsonObject awaitDataset(String id) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/v1/datasets/" + id), r -> r.status() == 200)
        .json();
  }

  private static BigInteger nonce(Credentials signer) {
    return net.datasetRegistry().nonce(signer.getAddress());
  }

  private static JsonObject signed(DatasetOperation op, Credentials signer) {
    return requests.signed(op, signer, nonce(signer));
  }

  private static JsonObject signedByCurator(DatasetOperation op) {
    return signed(op, CURATOR);
  }

  /**
   * Posts {@code body}, expects the problem, and checks nothing was sent: no new block (automine
   * mines every transaction), the same registry nonces, the same index.
   */
  private static void refused(JsonObject body, int status, String code) {
    long block = net.anvil().blockNumber();
    BigInteger curatorNonce = nonce(CURATOR);
    String index = http.get("/v1/datasets?limit=1000").body();

    assertProblem(http.postJson("/v1/datasets/operations", body), status, code);

    assertThat(net.anvil().blockNumber()).as("nothing sent for " + code).isEqualTo(block);
    assertThat(nonce(CURATOR)).isEqualTo(curatorNonce);
    assertThat(http.get("/v1/datasets?limit=1000").body()).isEqualTo(index);
  }

  static void assertProblem(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().getString("code")).isEqualTo(code);
  }

  private static List<String> ids(JsonArray datasets) {
    return datasets.stream().map(d -> ((JsonObject) d).getString("id")).toList();
  }

  private static Credentials newKey() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

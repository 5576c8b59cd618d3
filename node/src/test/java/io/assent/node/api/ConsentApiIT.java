package io.assent.node.api;

import static io.assent.node.api.ConsentApiRequests.DATASET;
import static io.assent.node.api.ConsentApiRequests.did;
import static io.assent.node.api.ConsentApiRequests.grantJson;
import static io.assent.node.api.ConsentApiRequests.newIdentity;
import static io.assent.node.api.ConsentApiRequests.nonce;
import static io.assent.node.api.ConsentApiRequests.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.consent.MerkleTree;
import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.json.Jcs;
import io.assent.node.AssentNode;
import io.assent.node.Http;
import io.assent.node.TestNode;
import io.assent.node.consent.ConsentLeaf;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The consent endpoints over real HTTP against a node on a real dev chain: grants, refusals with
 * their codes and no change, SIWE-authenticated reads, withdrawal and erasure.
 */
class ConsentApiIT {
  private static ConsentApiRequests requests;
  private static TestNode net;

  /** Has no relayer key, so it never anchors: its statuses stay put. */
  private static AssentNode node;

  private static Http http;

  /** Anchors every 200 ms. */
  private static AssentNode anchoring;

  @BeforeAll
  static void start() {
    net = TestNode.startChain();
    requests =
        new ConsentApiRequests(Eip712Domain.assent(Anvil.CHAIN_ID, net.consentAnchor().address()));
    node = net.startNode(Map.of("relayer.key", "", "erasure.compactionIntervalMs", "200"));
    http = new Http(node.httpPort());
    anchoring = net.startNode(Map.of("anchor.maxWaitMs", "200"));
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  private static JsonObject signedGrant(JsonObject g, Credentials signer, Credentials subject) {
    return requests.signedGrant(g, signer, subject);
  }

  private static JsonObject grant(Credentials subject, Credentials signer) {
    return requests.grant(subject, signer);
  }

  private static JsonObject action(
      String kind, String id, Credentials subject, Credentials signer) {
    return requests.action(kind, id, subject, signer);
  }

  /** {@code Authorization: SIWE <base64url(message)>.<signature>} for this node. */
  private static Map<String, String> siwe(Credentials who) {
    return ConsentApiRequests.siwe(who, node);
  }

  private static String listing(Credentials subject) {
    Http.Response r = http.get("/v1/subjects/" + did(subject) + "/consents", siwe(subject));
    assertThat(r.status()).isEqualTo(200);
    return r.body();
  }

  private static void problem(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().getString("code")).isEqualTo(code);
  }

  @Test
  void grantIsAcceptedPendingAndIdempotent() {
    Credentials alice = newIdentity();
    JsonObject body = grant(alice, alice);
    Http.Response accepted = http.postJson("/v1/consents", body);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String id = accepted.json().getString("consentId");
    assertThat(accepted.json().getString("status")).isEqualTo("pending");
    assertThat(http.get("/v1/consents/" + id).json().getString("status")).isEqualTo("pending");
    Http.Response again = http.postJson("/v1/consents", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("consentId")).isEqualTo(id);
    JsonObject check =
        http.get(
                "/v1/consents/check?subject="
                    + did(alice)
                    + "&dataset="
                    + DATASET
                    + "&purpose=ai:ModelTraining")
            .json();
    assertThat(check.getBoolean("permitted")).isTrue();
    assertThat(check.getString("reason")).isEqualTo("pending");
    problem(http.get("/v1/consents/" + id + "/receipt", siwe(alice)), 409, "notAnchored");
  }

  @Test
  void badInputsGetTheirCodesAndChangeNothing() {
    Credentials alice = newIdentity();
    Credentials mallory = newIdentity();
    JsonObject good = grant(alice, alice);
    String id = http.postJson("/v1/consents", good).json().getString("consentId");
    String before = listing(alice);

    JsonObject unknownField = grant(alice, alice);
    unknownField.getJsonObject("grant").put("extra", 1);
    problem(http.postJson("/v1/consents", unknownField), 400, "invalidRequest");
    problem(http.post("/v1/consents", "application/json", "{not json"), 400, "invalidRequest");
    // The body is checked by GrantRequestBody, not the OpenAPI validator: same code for all.
    problem(http.post("/v1/consents", "text/plain", good.encode()), 400, "invalidRequest");
    problem(http.post("/v1/consents", "application/json", "[]"), 400, "invalidRequest");
    JsonObject textTime = grant(alice, alice);
    textTime.getJsonObject("grant").put("validFrom", "1700000000");
    problem(http.postJson("/v1/consents", textTime), 400, "invalidRequest");
    JsonObject unsigned = grant(alice, alice);
    unsigned.remove("signature");
    problem(http.postJson("/v1/consents", unsigned), 400, "invalidRequest");
    JsonObject extraTop = grant(alice, alice);
    extraTop.put("note", "hi");
    problem(http.postJson("/v1/consents", extraTop), 400, "invalidRequest");
    problem(http.postJson("/v1/consents", grant(alice, mallory)), 403, "signerNotAuthorized");
    JsonObject replay =
        grantJson(alice, good.getJsonObject("grant").getString("nonce"), now() + 999);
    problem(http.postJson("/v1/consents", signedGrant(replay, alice, alice)), 409, "nonceReused");
    JsonObject expired = grantJson(alice, nonce(), now() - 1);
    problem(
        http.postJson("/v1/consents", signedGrant(expired, alice, alice)), 400, "invalidValidity");
    JsonObject forged = grant(alice, alice);
    forged.put("signature", "0x" + "11".repeat(64) + "1b");
    problem(http.postJson("/v1/consents", forged), 400, "invalidSignature");
    JsonObject badDid = grant(alice, alice);
    badDid.getJsonObject("grant").put("subject", "did:ethr:dev:0x1234");
    problem(http.postJson("/v1/consents", badDid), 400, "invalidDid");
    problem(
        http.postJson(
            "/v1/consents/" + id + "/withdrawal", action("withdrawal", id, alice, mallory)),
        403,
        "notSubject");
    String unknown = "0x" + "77".repeat(32);
    problem(http.get("/v1/consents/" + unknown), 404, "consentNotFound");

    assertThat(listing(alice)).isEqualTo(before);
    assertThat(http.get("/v1/consents/" + id).json().getString("status")).isEqualTo("pending");
  }

  @Test
  void aBatchAnswersEachGrantInOrderAndRefusedOnesChangeNothing() {
    Credentials alice = newIdentity();
    Credentials bob = newIdentity();
    Credentials mallory = newIdentity();
    JsonObject forAlice = grant(alice, alice);
    JsonObject forBob = grant(bob, bob);
    JsonObject unknownField = grant(alice, alice);
    unknownField.getJsonObject("grant").put("extra", 1);
    JsonObject badDid = grant(alice, alice);
    badDid.getJsonObject("grant").put("subject", "did:ethr:dev:0x1234");
    JsonObject replay =
        signedGrant(
            grantJson(alice, forAlice.getJsonObject("grant").getString("nonce"), now() + 999),
            alice,
            alice);
    JsonArray items =
        new JsonArray()
            .add(forAlice)
            .add(unknownField)
            .add(forBob)
            .add(forAlice)
            .add(grant(alice, mallory))
            .add(badDid)
            .add(replay)
            .add(42);

    Http.Response r = http.postJson("/v1/consents/batch", new JsonObject().put("grants", items));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonArray results = r.json().getJsonArray("results");
    assertThat(results.size()).isEqualTo(items.size());
    JsonObject first = results.getJsonObject(0);
    assertThat(first.getString("status")).isEqualTo("pending");
    assertThat(first.getBoolean("created")).isTrue();
    String aliceId = first.getString("consentId");
    assertThat(results.getJsonObject(3))
        .as("the same signed grant twice in one batch: one consent")
        .isEqualTo(
            new JsonObject()
                .put("consentId", aliceId)
                .put("status", "pending")
                .put("created", false));
    String bobId = results.getJsonObject(2).getString("consentId");
    assertThat(results.getJsonObject(2).getBoolean("created")).isTrue();
    assertThat(codes(results))
        .containsExactly(
            null,
            "invalidRequest",
            null,
            null,
            "signerNotAuthorized",
            "invalidDid",
            "nonceReused",
            "invalidRequest");
    JsonObject problem = results.getJsonObject(1).getJsonObject("problem");
    assertThat(problem.getInteger("status")).isEqualTo(400);
    assertThat(problem.getString("detail")).startsWith("/grants/1/grant/extra");
    assertThat(problem.getString("type")).isEqualTo(ApiError.INVALID_REQUEST.type());
    assertThat(results.getJsonObject(7).getJsonObject("problem").getString("detail"))
        .isEqualTo("/grants/7 must be an object");

    JsonArray aliceConsents = new JsonObject(listing(alice)).getJsonArray("consents");
    assertThat(aliceConsents.size()).as("refused items wrote nothing").isEqualTo(1);
    assertThat(aliceConsents.getJsonObject(0).getString("consentId")).isEqualTo(aliceId);
    assertThat(http.get("/v1/consents/" + bobId).json().getString("status")).isEqualTo("pending");

    JsonArray wellFormed = items.copy();
    wellFormed.remove(7);
    Http.Response again =
        http.postJson("/v1/consents/batch", new JsonObject().put("grants", wellFormed));
    assertThat(again.status()).isEqualTo(200);
    JsonArray repeated = again.json().getJsonArray("results");
    assertThat(repeated.getJsonObject(0).getString("consentId")).isEqualTo(aliceId);
    assertThat(repeated.getJsonObject(0).getBoolean("created")).isFalse();
    assertThat(repeated.getJsonObject(2).getString("consentId")).isEqualTo(bobId);
    assertThat(repeated.getJsonObject(2).getBoolean("created")).isFalse();
  }

  private static JsonObject withKey(JsonObject body, Credentials key) {
    return body.copy()
        .put(
            "signerKey",
            "0x04" + Numeric.toHexStringNoPrefixZeroPadded(key.getEcKeyPair().getPublicKey(), 128));
  }

  @Test
  void grantsWithSignerKeysAreVerifiedAgainstThemAndAFalseKeyIsRefused() {
    Credentials alice = newIdentity();
    Credentials bob = newIdentity();
    JsonArray items =
        new JsonArray()
            .add(withKey(grant(alice, alice), alice))
            .add(withKey(grant(bob, bob), bob))
            .add(withKey(grant(alice, alice), bob))
            .add(grant(bob, bob))
            .add(grant(alice, alice).put("signerKey", "0x04" + "11".repeat(64)));

    Http.Response r = http.postJson("/v1/consents/batch", new JsonObject().put("grants", items));

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonArray results = r.json().getJsonArray("results");
    assertThat(codes(results))
        .containsExactly(null, null, "invalidSignature", null, "invalidSignature");
    assertThat(results.getJsonObject(2).getJsonObject("problem").getString("detail"))
        .contains("not to signerKey's address");
    assertThat(results.getJsonObject(4).getJsonObject("problem").getString("detail"))
        .isEqualTo("signerKey is not a secp256k1 public key");
    JsonArray aliceConsents = new JsonObject(listing(alice)).getJsonArray("consents");
    assertThat(aliceConsents.size()).as("refused items wrote nothing").isEqualTo(1);

    Http.Response single = http.postJson("/v1/consents", withKey(grant(alice, alice), alice));
    assertThat(single.status()).as(single.body()).isEqualTo(202);
    problem(
        http.postJson("/v1/consents", withKey(grant(alice, alice), bob)), 400, "invalidSignature");
    problem(
        http.postJson("/v1/consents", grant(alice, alice).put("signerKey", "0x04ab")),
        400,
        "invalidRequest");
    assertThat(new JsonObject(listing(alice)).getJsonArray("consents").size()).isEqualTo(2);
  }

  @Test
  void aMalformedBatchIsRefusedWholeAndChangesNothing() {
    Credentials alice = newIdentity();
    JsonObject good = grant(alice, alice);
    String before = listing(alice);
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i <= PostConsentBatch.MAX_GRANTS; i++) {
      tooMany.add(good);
    }
    problem(
        http.postJson("/v1/consents/batch", new JsonObject().put("grants", tooMany)),
        400,
        "invalidRequest");
    problem(
        http.postJson("/v1/consents/batch", new JsonObject().put("grants", new JsonArray())),
        400,
        "invalidRequest");
    problem(
        http.postJson("/v1/consents/batch", new JsonObject().put("grants", good)),
        400,
        "invalidRequest");
    problem(
        http.postJson(
            "/v1/consents/batch",
            new JsonObject().put("grants", new JsonArray().add(good)).put("note", 1)),
        400,
        "invalidRequest");
    problem(http.post("/v1/consents/batch", "application/json", "[]"), 400, "invalidRequest");
    problem(
        http.post("/v1/consents/batch", "application/json", "{\"grants\":["),
        400,
        "invalidRequest");
    problem(
        http.post(
            "/v1/consents/batch",
            "text/plain",
            new JsonObject().put("grants", new JsonArray().add(good)).encode()),
        400,
        "invalidRequest");
    JsonArray oversized = new JsonArray();
    JsonObject big = grant(alice, alice);
    JsonArray purposes = new JsonArray();
    for (int i = 0; i < 16; i++) {
      purposes.add("x".repeat(128));
    }
    big.getJsonObject("grant").put("purposes", purposes);
    for (int i = 0; i < PostConsentBatch.MAX_GRANTS; i++) {
      oversized.add(big);
    }
    problem(
        http.postJson("/v1/consents/batch", new JsonObject().put("grants", oversized)),
        413,
        "payloadTooLarge");
    assertThat(listing(alice)).isEqualTo(before);
  }

  /** Each result's problem code, or null for an accepted grant. */
  private static List<String> codes(JsonArray results) {
    return results.stream()
        .map(JsonObject.class::cast)
        .map(o -> o.containsKey("problem") ? o.getJsonObject("problem").getString("code") : null)
        .toList();
  }

  @Test
  void privateReadsNeedTheSubjectsSiwe() {
    Credentials alice = newIdentity();
    Credentials mallory = newIdentity();
    String id = http.postJson("/v1/consents", grant(alice, alice)).json().getString("consentId");
    problem(http.get("/v1/subjects/" + did(alice) + "/consents"), 401, "unauthenticated");
    problem(http.get("/v1/subjects/" + did(alice) + "/consents", siwe(mallory)), 403, "forbidden");
    problem(http.get("/v1/consents/" + id + "/record", siwe(mallory)), 403, "forbidden");
    JsonArray consents = new JsonObject(listing(alice)).getJsonArray("consents");
    assertThat(consents.size()).isEqualTo(1);
    assertThat(consents.getJsonObject(0).getString("consentId")).isEqualTo(id);
    JsonObject record = http.get("/v1/consents/" + id + "/record", siwe(alice)).json();
    assertThat(record.getJsonObject("record").getString("piiPrincipal")).isEqualTo(did(alice));
    assertThat(record.getString("salt")).matches("0x[0-9a-f]{64}");
  }

  @Test
  void withdrawalThenErasure() {
    Credentials alice = newIdentity();
    String id = http.postJson("/v1/consents", grant(alice, alice)).json().getString("consentId");
    Http.Response w =
        http.postJson("/v1/consents/" + id + "/withdrawal", action("withdrawal", id, alice, alice));
    assertThat(w.status()).as(w.body()).isEqualTo(202);
    assertThat(http.get("/v1/consents/" + id).json().getString("status"))
        .isEqualTo("withdrawalPending");
    JsonObject check =
        http.get(
                "/v1/consents/check?subject="
                    + did(alice)
                    + "&dataset="
                    + DATASET
                    + "&purpose=ai:ModelTraining")
            .json();
    assertThat(check.getBoolean("permitted")).isFalse();
    assertThat(check.getString("reason")).isEqualTo("withdrawn");

    Http.Response e =
        http.postJson("/v1/consents/" + id + "/erasure", action("erasure", id, alice, alice));
    assertThat(e.status()).as(e.body()).isEqualTo(200);
    assertThat(http.get("/v1/consents/" + id).json().getString("status")).isEqualTo("erased");
    // The node's compactor removes the erased data from its files within its interval (200 ms).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                http.get("/v1/status")
                        .json()
                        .getJsonObject("erasures")
                        .getInteger("awaitingCompaction")
                    == 0);
    problem(http.get("/v1/consents/" + id + "/record", siwe(alice)), 410, "alreadyErased");
    assertThat(new JsonObject(listing(alice)).getJsonArray("consents")).isEmpty();
    problem(
        http.postJson("/v1/consents/" + id + "/erasure", action("erasure", id, alice, alice)),
        410,
        "alreadyErased");
  }

  @Test
  void anAnchoredConsentHasAReceiptThatVerifies() {
    Http anchored = new Http(anchoring.httpPort());
    Credentials alice = newIdentity();
    JsonObject body = grant(alice, alice);
    String id = anchored.postJson("/v1/consents", body).json().getString("consentId");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> anchored.get("/v1/consents/" + id).json().getString("status").equals("anchored"));
    Http.Response r =
        anchored.get("/v1/consents/" + id + "/receipt", ConsentApiRequests.siwe(alice, anchoring));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject receipt = r.json();
    JsonObject subject = receipt.getJsonObject("credentialSubject");
    JsonObject evidence = receipt.getJsonArray("evidence").getJsonObject(0);
    byte[] canonical =
        Jcs.canonicalize(new ObjectMapper().valueToTree(subject.getJsonObject("record").getMap()));
    ConsentLeaf leaf =
        ConsentLeaf.of(Numeric.hexStringToByteArray(subject.getString("salt")), canonical);
    assertThat(leaf.consentId()).as("leaf = keccak256(salt ‖ JCS(record))").isEqualTo(id);
    List<byte[]> proof =
        evidence.getJsonArray("proof").stream()
            .map(h -> Numeric.hexStringToByteArray((String) h))
            .toList();
    assertThat(
            MerkleTree.verify(
                leaf.leaf(), proof, Numeric.hexStringToByteArray(evidence.getString("root"))))
        .isTrue();
    assertThat(evidence.getString("consentAnchor")).isEqualTo(net.consentAnchor().address());
    assertThat(evidence.getString("signature")).isEqualTo(body.getString("signature"));
    assertThat(evidence.getString("signer")).isEqualTo(alice.getAddress());
    assertThat(evidence.getJsonObject("typedData").getString("primaryType"))
        .isEqualTo("ConsentGrant");
    assertThat(receipt.getJsonArray("type").getList()).contains("VerifiableCredential");
    TransactionReceipt tx =
        net.anvil()
            .web3j()
            .ethGetTransactionReceipt(evidence.getString("txHash"))
            .sendAsync()
            .join()
            .getTransactionReceipt()
            .orElseThrow();
    assertThat(tx.getBlockNumber().longValueExact()).isEqualTo(evidence.getLong("blockNumber"));
  }

  @Test
  void aWithdrawalAnchoredByOneNodeIsKnownToEveryNode() {
    Http anchored = new Http(anchoring.httpPort());
    Credentials alice = newIdentity();
    String id =
        anchored.postJson("/v1/consents", grant(alice, alice)).json().getString("consentId");
    problem(http.get("/v1/consents/" + id), 404, "consentNotFound");
    Http.Response w =
        anchored.postJson(
            "/v1/consents/" + id + "/withdrawal", action("withdrawal", id, alice, alice));
    assertThat(w.status()).as(w.body()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                anchored.get("/v1/consents/" + id).json().getString("status").equals("withdrawn"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                http.get("/v1/consents/" + id).json().getString("status", "").equals("withdrawn"));
    assertThat(
            anchored
                .get("/v1/consents/" + id)
                .json()
                .getJsonObject("withdrawal")
                .getBoolean("anchored"))
        .isTrue();
    JsonObject check =
        anchored
            .get(
                "/v1/consents/check?subject="
                    + did(alice)
                    + "&dataset="
                    + DATASET
                    + "&purpose=ai:ModelTraining")
            .json();
    assertThat(check.getString("reason")).isEqualTo("withdrawn");
    assertThat(check.getJsonArray("evidence").stream().map(e -> ((JsonObject) e).getString("kind")))
        .contains("withdrawal");
  }
}

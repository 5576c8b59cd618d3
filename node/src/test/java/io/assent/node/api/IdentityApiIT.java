package io.assent.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.contracts.did.Erc1056Signature;
import io.assent.contracts.did.Erc1056SignedHash;
import io.assent.node.AssentNode;
import io.assent.node.Http;
import io.assent.node.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The identity endpoints over real HTTP, against a node syncing a real dev chain: relaying signed
 * operations, resolving the result, and every refusal with its stable code and no change.
 */
class IdentityApiIT {
  private static TestNode net;
  private static AssentNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    net = TestNode.startChain();
    node = net.startNode();
    http = new Http(node.httpPort());
  }

  @AfterAll
  static void stop() {
    net.close();
  }

  private static Credentials newIdentity() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String did(Credentials c) {
    return "did:ethr:dev:" + c.getAddress();
  }

  private static JsonObject setAttribute(Credentials signer, String identity, BigInteger nonce) {
    byte[] name = DidNames.encode("did/svc/ConsentService");
    byte[] value = "https://node.example/consents".getBytes(StandardCharsets.UTF_8);
    Erc1056Operation op =
        new Erc1056Operation.SetAttribute(identity, name, value, BigInteger.valueOf(86400));
    Erc1056Signature sig = Erc1056SignedHash.sign(net.registry().address(), nonce, op, signer);
    return new JsonObject()
        .put("operation", "setAttribute")
        .put("name", "did/svc/ConsentService")
        .put("value", Numeric.toHexString(value))
        .put("validity", "86400")
        .put("nonce", nonce.toString())
        .put("signature", sig.toHex());
  }

  private static String digest() {
    return http.get("/v1/status").json().getString("indexDigest");
  }

  @Test
  void relaysSignedOperationAndResolvesIt() {
    Credentials alice = newIdentity();
    Http.Response state = http.get("/v1/identities/" + did(alice));
    assertThat(state.status()).isEqualTo(200);
    assertThat(state.json().getString("owner")).isEqualTo(alice.getAddress());
    assertThat(state.json().getString("nonce")).isEqualTo("0");

    Http.Response relayed =
        http.postJson(
            "/v1/identities/" + did(alice) + "/operations",
            setAttribute(alice, alice.getAddress(), BigInteger.ZERO));
    assertThat(relayed.status()).as(relayed.body()).isEqualTo(202);
    assertThat(relayed.json().getString("transactionHash")).startsWith("0x").hasSize(66);
    assertThat(relayed.json().getString("signer")).isEqualTo(alice.getAddress());

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Http.Response resolved =
                  http.get("/1.0/identifiers/" + did(alice), "application/did-resolution");
              assertThat(resolved.status()).isEqualTo(200);
              JsonArray services =
                  resolved.json().getJsonObject("didDocument").getJsonArray("service");
              assertThat(services).isNotNull();
              assertThat(services.getJsonObject(0).getString("serviceEndpoint"))
                  .isEqualTo("https://node.example/consents");
            });
    assertThat(http.get("/v1/identities/" + did(alice)).json().getString("nonce")).isEqualTo("1");
  }

  @Test
  void refusesSignatureOfAnotherKeyWithNotOwner() {
    Credentials alice = newIdentity();
    Credentials mallory = newIdentity();
    String before = digest();
    Http.Response response =
        http.postJson(
            "/v1/identities/" + did(alice) + "/operations",
            setAttribute(mallory, alice.getAddress(), BigInteger.ZERO));
    assertProblem(response, 403, "notOwner");
    assertThat(http.get("/v1/identities/" + did(alice)).json().getString("nonce")).isEqualTo("0");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void refusesStaleNonce() {
    Credentials alice = newIdentity();
    JsonObject body = setAttribute(alice, alice.getAddress(), BigInteger.ONE);
    assertProblem(
        http.postJson("/v1/identities/" + did(alice) + "/operations", body), 409, "staleNonce");
  }

  @Test
  void refusesSignatureSignedAtAnotherNonceWithoutClaim() {
    Credentials alice = newIdentity();
    JsonObject body = setAttribute(alice, alice.getAddress(), BigInteger.TEN);
    body.remove("nonce");
    assertProblem(
        http.postJson("/v1/identities/" + did(alice) + "/operations", body), 403, "notOwner");
  }

  @Test
  void refusesMalformedBodies() {
    Credentials alice = newIdentity();
    String path = "/v1/identities/" + did(alice) + "/operations";
    assertProblem(http.post(path, "application/json", "{not json"), 400, "invalidRequest");
    JsonObject unknownMember = setAttribute(alice, alice.getAddress(), BigInteger.ZERO);
    unknownMember.put("extra", 1);
    assertProblem(http.postJson(path, unknownMember), 400, "invalidRequest");
    JsonObject missing = setAttribute(alice, alice.getAddress(), BigInteger.ZERO);
    missing.remove("validity");
    assertProblem(http.postJson(path, missing), 400, "invalidRequest");
    JsonObject badSignature = setAttribute(alice, alice.getAddress(), BigInteger.ZERO);
    badSignature.put("signature", "0x1234");
    assertProblem(http.postJson(path, badSignature), 400, "invalidRequest");
    JsonObject longName = setAttribute(alice, alice.getAddress(), BigInteger.ZERO);
    longName.put("name", "did/svc/ThisNameIsFarTooLongForBytes32");
    assertProblem(http.postJson(path, longName), 400, "invalidRequest");
    String huge = "{\"operation\":\"setAttribute\",\"value\":\"0x" + "00".repeat(70_000) + "\"}";
    assertProblem(http.post(path, "application/json", huge), 413, "payloadTooLarge");
    assertThat(http.get("/v1/identities/" + did(alice)).json().getString("nonce")).isEqualTo("0");
  }

  @Test
  void refusesBadDids() {
    assertProblem(http.get("/v1/identities/did:ethr:dev:0x1234"), 400, "invalidDid");
    assertProblem(
        http.get("/v1/identities/did:ethr:0x1:" + newIdentity().getAddress()),
        400,
        "unknownNetwork");
    String badChecksum = "did:ethr:dev:0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    assertProblem(http.get("/v1/identities/" + badChecksum), 400, "invalidDid");
  }

  @Test
  void resolutionErrorsFollowTheUniversalResolver() {
    Http.Response invalid =
        http.get("/1.0/identifiers/did:ethr:dev:0x12", "application/did-resolution");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().getJsonObject("didResolutionMetadata").getString("error"))
        .isEqualTo("invalidDid");
    Http.Response otherMethod =
        http.get("/1.0/identifiers/did:web:example.com", "application/did-resolution");
    assertThat(otherMethod.status()).isEqualTo(501);
    Http.Response notAcceptable = http.get("/1.0/identifiers/" + did(newIdentity()), "text/html");
    assertThat(notAcceptable.status()).isEqualTo(406);
    Http.Response document =
        http.get("/1.0/identifiers/" + did(newIdentity()), "application/did+ld+json");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.contentType()).startsWith("application/did+ld+json");
    assertThat(document.json().getJsonArray("@context")).isNotEmpty();
  }

  @Test
  void unknownRoutesAndMethodsAreProblems() {
    assertProblem(http.get("/v1/nothing-here"), 404, "notFound");
    assertProblem(http.method("DELETE", "/v1/status"), 405, "methodNotAllowed");
  }

  @Test
  void statusAndHealth() {
    JsonObject status = http.get("/v1/status").json();
    assertThat(status.getLong("chainId")).isEqualTo(Anvil.CHAIN_ID);
    assertThat(status.getJsonObject("contracts").getString("didRegistry"))
        .isEqualTo(net.registry().address());
    assertThat(status.getString("indexDigest")).startsWith("0x").hasSize(66);
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/ready").status() == 200);
    Http.Response openapi = http.get("/openapi.yaml", "*/*");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).startsWith("openapi: 3.1.0");
  }

  static void assertProblem(Http.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonObject problem = response.json();
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).isEqualTo(ApiError.TYPE_BASE + code);
  }
}

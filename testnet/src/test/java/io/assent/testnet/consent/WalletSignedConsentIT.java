package io.assent.testnet.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.Http;
import io.assent.node.TestNode;
import io.assent.testnet.Artifacts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * A standard wallet signs the grant: ethers 6 ({@code Wallet.signTypedData}, what {@code
 * eth_signTypedData_v4} does) signs the typed data the node publishes, and the node accepts the
 * grant; the same typed data signed for another chain is refused. A relay forwards such grants of
 * several people in one batch.
 */
class WalletSignedConsentIT {

  @Test
  void nodeAcceptsAGrantSignedByEthers() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      AssentNode node = net.startNode();
      Http http = new Http(node.httpPort());
      Credentials subject = Credentials.create(Keys.createEcKeyPair());
      String privateKey = key(subject);
      ConsentGrant grant = grant(subject, "0x" + "5a".repeat(32));

      Eip712Domain otherChain = Eip712Domain.assent(1, net.consentAnchor().address());
      String wrongChainSignature =
          ethersSign(ConsentTypedData.toTypedDataJson(otherChain, grant), privateKey);
      Http.Response refused = http.postJson("/v1/consents", body(grant, wrongChainSignature));
      assertThat(refused.status()).as(refused.body()).isBetween(400, 499);

      Eip712Domain domain = Eip712Domain.assent(Anvil.CHAIN_ID, net.consentAnchor().address());
      String signature = ethersSign(ConsentTypedData.toTypedDataJson(domain, grant), privateKey);
      Http.Response accepted = http.postJson("/v1/consents", body(grant, signature));
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
      String id = accepted.json().getString("consentId");
      assertThat(http.get("/v1/consents/" + id).json().getString("status")).isEqualTo("pending");
    }
  }

  @Test
  void aRelayForwardsGrantsSignedInTheirWalletsInOneBatch() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      AssentNode node = net.startNode();
      Http http = new Http(node.httpPort());
      Eip712Domain domain = Eip712Domain.assent(Anvil.CHAIN_ID, net.consentAnchor().address());
      JsonArray items = new JsonArray();
      for (int person = 0; person < 2; person++) {
        Credentials subject = Credentials.create(Keys.createEcKeyPair());
        ConsentGrant grant = grant(subject, "0x" + String.valueOf(person).repeat(64));
        items.add(
            body(grant, ethersSign(ConsentTypedData.toTypedDataJson(domain, grant), key(subject))));
      }
      Credentials third = Credentials.create(Keys.createEcKeyPair());
      ConsentGrant foreign = grant(third, "0x" + "77".repeat(32));
      Eip712Domain otherChain = Eip712Domain.assent(1, net.consentAnchor().address());
      items.add(
          body(
              foreign,
              ethersSign(ConsentTypedData.toTypedDataJson(otherChain, foreign), key(third))));

      Http.Response r = http.postJson("/v1/consents/batch", new JsonObject().put("grants", items));

      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonArray results = r.json().getJsonArray("results");
      for (int i = 0; i < 2; i++) {
        String id = results.getJsonObject(i).getString("consentId");
        assertThat(results.getJsonObject(i).getBoolean("created")).as(r.body()).isTrue();
        assertThat(http.get("/v1/consents/" + id).json().getString("status")).isEqualTo("pending");
      }
      assertThat(results.getJsonObject(2).getJsonObject("problem").getInteger("status"))
          .as("signed for another chain")
          .isBetween(400, 499);
    }
  }

  private static ConsentGrant grant(Credentials subject, String nonce) {
    long now = Instant.now().getEpochSecond();
    return new ConsentGrant(
        subject.getAddress(),
        "0x" + "3f".repeat(32),
        List.of("ai:ModelTraining"),
        "dpv:Use",
        "dpv:Consent",
        "0x" + "ab".repeat(32),
        "v1",
        "EU",
        now - 60,
        now + 86_400,
        nonce);
  }

  private static String key(Credentials subject) {
    return Numeric.toHexStringWithPrefixZeroPadded(subject.getEcKeyPair().getPrivateKey(), 64);
  }

  private static JsonObject body(ConsentGrant g, String signature) {
    return new JsonObject()
        .put(
            "grant",
            new JsonObject()
                .put("subject", "did:ethr:dev:" + g.subject())
                .put("dataset", g.dataset())
                .put("purposes", new JsonArray(g.purposes()))
                .put("processing", g.processing())
                .put("legalBasis", g.legalBasis())
                .put("noticeDigest", g.noticeDigest())
                .put("noticeVersion", g.noticeVersion())
                .put("jurisdiction", g.jurisdiction())
                .put("validFrom", g.validFrom())
                .put("validUntil", g.validUntil())
                .put("nonce", g.nonce()))
        .put("signature", signature);
  }

  /** Signs eth_signTypedData_v4 JSON with ethers' Wallet, as a browser wallet would. */
  private static String ethersSign(String typedDataJson, String privateKey) throws Exception {
    Process process =
        new ProcessBuilder(
                "node",
                Artifacts.root().resolve("contracts/src/test/js/eip712.mjs").toString(),
                "sign",
                privateKey)
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().write(typedDataJson.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}

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
import io.assent.testnet.ConsentRequests;
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
 * several people in one batch, some with the signer's public key that ethers derived from the
 * wallet's signature ({@code signerKey}).
 */
class WalletSignedConsentIT {

  @Test
  void nodeAcceptsAGrantSignedByEthers() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      AssentNode node = net.startNode();
      Http http = new Http(node.httpPort());
      ConsentRequests requests = requests(net);
      Credentials subject = Credentials.create(Keys.createEcKeyPair());
      String privateKey = key(subject);
      ConsentGrant grant = grant(requests, subject);

      Eip712Domain otherChain = Eip712Domain.assent(1, net.consentAnchor().address());
      String wrongChainSignature =
          ethersSign(ConsentTypedData.toTypedDataJson(otherChain, grant), privateKey);
      Http.Response refused =
          http.postJson("/v1/consents", new JsonObject(requests.body(grant, wrongChainSignature)));
      assertThat(refused.status()).as(refused.body()).isBetween(400, 499);

      Eip712Domain domain = Eip712Domain.assent(Anvil.CHAIN_ID, net.consentAnchor().address());
      String signature = ethersSign(ConsentTypedData.toTypedDataJson(domain, grant), privateKey);
      Http.Response accepted =
          http.postJson("/v1/consents", new JsonObject(requests.body(grant, signature)));
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
      ConsentRequests requests = requests(net);
      Eip712Domain domain = requests.domain();
      JsonArray items = new JsonArray();
      for (int person = 0; person < 3; person++) {
        Credentials subject = Credentials.create(Keys.createEcKeyPair());
        ConsentGrant grant = grant(requests, subject);
        String typedData = ConsentTypedData.toTypedDataJson(domain, grant);
        String signature = ethersSign(typedData, key(subject));
        JsonObject item = new JsonObject(requests.body(grant, signature));
        if (person > 0) {
          // the relay's page derives the key from the wallet's signature (ethers), so the node
          // verifies these two together instead of recovering each
          item.put("signerKey", ethers(typedData, "publicKey", signature));
        }
        items.add(item);
      }
      Credentials third = Credentials.create(Keys.createEcKeyPair());
      ConsentGrant foreign = grant(requests, third);
      Eip712Domain otherChain = Eip712Domain.assent(1, net.consentAnchor().address());
      String foreignSignature =
          ethersSign(ConsentTypedData.toTypedDataJson(otherChain, foreign), key(third));
      items.add(new JsonObject(requests.body(foreign, foreignSignature)));

      Http.Response r = http.postJson("/v1/consents/batch", new JsonObject().put("grants", items));

      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonArray results = r.json().getJsonArray("results");
      for (int i = 0; i < 3; i++) {
        String id = results.getJsonObject(i).getString("consentId");
        assertThat(results.getJsonObject(i).getBoolean("created")).as(r.body()).isTrue();
        assertThat(http.get("/v1/consents/" + id).json().getString("status")).isEqualTo("pending");
      }
      assertThat(results.getJsonObject(3).getJsonObject("problem").getInteger("status"))
          .as("signed for another chain")
          .isBetween(400, 499);
    }
  }

  /** A grant of {@code subject} for a fixed dataset, not yet signed. */
  private static ConsentGrant grant(ConsentRequests requests, Credentials subject) {
    return requests.message(
        subject,
        "0x" + "3f".repeat(32),
        List.of("ai:ModelTraining"),
        "0x" + "ab".repeat(32),
        "EU",
        Instant.now().getEpochSecond() + 86_400);
  }

  private static ConsentRequests requests(TestNode net) {
    return new ConsentRequests(Anvil.CHAIN_ID, net.consentAnchor().address(), "dev");
  }

  private static String key(Credentials subject) {
    return Numeric.toHexStringWithPrefixZeroPadded(subject.getEcKeyPair().getPrivateKey(), 64);
  }

  /** Signs eth_signTypedData_v4 JSON with ethers' Wallet, as a browser wallet would. */
  private static String ethersSign(String typedDataJson, String privateKey) throws Exception {
    return ethers(typedDataJson, "sign", privateKey);
  }

  /** What {@code eip712.mjs <mode> <argument>} prints for the typed data. */
  private static String ethers(String typedDataJson, String mode, String argument)
      throws Exception {
    Process process =
        new ProcessBuilder(
                "node",
                Artifacts.root().resolve("contracts/src/test/js/eip712.mjs").toString(),
                mode,
                argument)
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

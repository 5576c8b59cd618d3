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
 * grant; the same typed data signed for another chain is refused.
 */
class WalletSignedConsentIT {

  @Test
  void nodeAcceptsAGrantSignedByEthers() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      AssentNode node = net.startNode();
      Http http = new Http(node.httpPort());
      Credentials subject = Credentials.create(Keys.createEcKeyPair());
      String privateKey =
          Numeric.toHexStringWithPrefixZeroPadded(subject.getEcKeyPair().getPrivateKey(), 64);
      long now = Instant.now().getEpochSecond();
      ConsentGrant grant =
          new ConsentGrant(
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
              "0x" + "5a".repeat(32));

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

package io.assent.node.api;

import io.assent.contracts.consent.ConsentErasure;
import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.ConsentWithdrawal;
import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * What the consent API tests send, as a subject's wallet would: grant, withdrawal and erasure
 * bodies signed for one signing domain, and Sign-In with Ethereum headers.
 */
final class ConsentApiRequests {
  static final String DATASET = "0x" + "d5".repeat(32);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Eip712Domain domain;

  ConsentApiRequests(Eip712Domain domain) {
    this.domain = domain;
  }

  static Credentials newIdentity() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String did(Credentials c) {
    return "did:ethr:dev:" + c.getAddress();
  }

  static String nonce() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Numeric.toHexString(b);
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  static JsonObject grantJson(Credentials subject, String nonce, long validUntil) {
    return new JsonObject()
        .put("subject", did(subject))
        .put("dataset", DATASET)
        .put("purposes", new JsonArray().add("ai:ModelTraining"))
        .put("processing", "dpv:Use")
        .put("legalBasis", "dpv:Consent")
        .put("noticeDigest", "0x" + "ab".repeat(32))
        .put("noticeVersion", "v3")
        .put("jurisdiction", "EU")
        .put("validFrom", now() - 60)
        .put("validUntil", validUntil)
        .put("nonce", nonce);
  }

  JsonObject signedGrant(JsonObject g, Credentials signer, Credentials subject) {
    List<String> purposes = g.getJsonArray("purposes").stream().map(Object::toString).toList();
    ConsentGrant message =
        new ConsentGrant(
            subject.getAddress(),
            g.getString("dataset"),
            purposes,
            g.getString("processing"),
            g.getString("legalBasis"),
            g.getString("noticeDigest"),
            g.getString("noticeVersion"),
            g.getString("jurisdiction"),
            g.getLong("validFrom"),
            g.getLong("validUntil"),
            g.getString("nonce"));
    return new JsonObject()
        .put("grant", g)
        .put("signature", ConsentTypedData.sign(domain, message, signer));
  }

  JsonObject grant(Credentials subject, Credentials signer) {
    return signedGrant(grantJson(subject, nonce(), now() + 86_400), signer, subject);
  }

  JsonObject action(String kind, String id, Credentials subject, Credentials signer) {
    String n = nonce();
    long t = now();
    String sig =
        kind.equals("withdrawal")
            ? ConsentTypedData.sign(
                domain, new ConsentWithdrawal(id, subject.getAddress(), t, n), signer)
            : ConsentTypedData.sign(
                domain, new ConsentErasure(id, subject.getAddress(), t, n), signer);
    return new JsonObject()
        .put(
            kind,
            new JsonObject()
                .put("consentId", id)
                .put("subject", did(subject))
                .put("time", t)
                .put("nonce", n))
        .put("signature", sig);
  }

  static Map<String, String> siwe(Credentials who, AssentNode to) {
    String host = "127.0.0.1:" + to.httpPort();
    String message =
        host
            + " wants you to sign in with your Ethereum account:\n"
            + Keys.toChecksumAddress(who.getAddress())
            + "\n\nRead my consents\n\n"
            + "URI: http://"
            + host
            + "\nVersion: 1\nChain ID: "
            + Anvil.CHAIN_ID
            + "\n"
            + "Nonce: "
            + Long.toHexString(RANDOM.nextLong() | 1L << 62)
            + "\n"
            + "Issued At: "
            + Instant.now()
            + "\n";
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    Sign.SignatureData s = Sign.signPrefixedMessage(bytes, who.getEcKeyPair());
    byte[] sig = new byte[65];
    System.arraycopy(s.getR(), 0, sig, 0, 32);
    System.arraycopy(s.getS(), 0, sig, 32, 32);
    sig[64] = s.getV()[0];
    String token =
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
            + "."
            + Numeric.toHexString(sig);
    return Map.of("Authorization", "SIWE " + token);
  }
}

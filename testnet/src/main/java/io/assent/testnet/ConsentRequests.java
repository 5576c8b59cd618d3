package io.assent.testnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.consent.ConsentErasure;
import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.ConsentWithdrawal;
import io.assent.contracts.consent.Eip712Domain;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Request bodies of the consent API, signed as a wallet would (EIP-712 via {@link
 * ConsentTypedData}), and Sign-In with Ethereum headers for the private reads. For tests and
 * benchmarks.
 */
public final class ConsentRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Eip712Domain domain;
  private final String network;

  /**
   * @param anchorAddress the ConsentAnchor (the EIP-712 verifying contract)
   * @param network the DID network name the node accepts (e.g. {@code dev})
   */
  public ConsentRequests(long chainId, String anchorAddress, String network) {
    this.domain = Eip712Domain.assent(chainId, anchorAddress);
    this.network = network;
  }

  /** A grant as signed, its subject's DID and the {@code POST /v1/consents} body. */
  public record SignedGrant(ConsentGrant grant, String did, String signature, String body) {}

  public String did(Credentials subject) {
    return "did:ethr:" + network + ":" + subject.getAddress();
  }

  public Eip712Domain domain() {
    return domain;
  }

  /** A grant signed by its subject (validFrom an hour ago), with a fresh random nonce. */
  public SignedGrant grant(
      Credentials subject,
      String dataset,
      List<String> purposes,
      String noticeDigest,
      String jurisdiction,
      long validUntil) {
    ConsentGrant grant =
        message(subject, dataset, purposes, noticeDigest, jurisdiction, validUntil);
    String signature = ConsentTypedData.sign(domain, grant, subject);
    return new SignedGrant(grant, did(subject), signature, body(grant, signature));
  }

  /** The grant {@link #grant} signs, unsigned: for a wallet to sign. */
  public ConsentGrant message(
      Credentials subject,
      String dataset,
      List<String> purposes,
      String noticeDigest,
      String jurisdiction,
      long validUntil) {
    long now = Instant.now().getEpochSecond();
    return new ConsentGrant(
        subject.getAddress(),
        dataset,
        purposes,
        "dpv:Use",
        "dpv:Consent",
        noticeDigest,
        "v1",
        jurisdiction,
        now - 3600,
        validUntil,
        randomHex32());
  }

  /**
   * {@link #body} with the signer's public key as {@code signerKey}: the node then verifies the
   * signature against it (a batch of such grants together) instead of recovering the key.
   */
  public String bodyWithSignerKey(ConsentGrant grant, String signature, Credentials signer) {
    return bodyNode(grant, signature).put("signerKey", publicKey(signer)).toString();
  }

  /** The key's SEC 1 uncompressed encoding, {@code 0x04 ‖ x ‖ y}. */
  public static String publicKey(Credentials key) {
    return "0x04" + Numeric.toHexStringNoPrefixZeroPadded(key.getEcKeyPair().getPublicKey(), 128);
  }

  /** The {@code POST /v1/consents} body of a grant and its signature. */
  public String body(ConsentGrant grant, String signature) {
    return bodyNode(grant, signature).toString();
  }

  private ObjectNode bodyNode(ConsentGrant grant, String signature) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode g = body.putObject("grant");
    g.put("subject", "did:ethr:" + network + ":" + grant.subject());
    g.put("dataset", grant.dataset());
    grant.purposes().forEach(g.putArray("purposes")::add);
    g.put("processing", grant.processing());
    g.put("legalBasis", grant.legalBasis());
    g.put("noticeDigest", grant.noticeDigest());
    g.put("noticeVersion", grant.noticeVersion());
    g.put("jurisdiction", grant.jurisdiction());
    g.put("validFrom", grant.validFrom());
    g.put("validUntil", grant.validUntil());
    g.put("nonce", grant.nonce());
    body.put("signature", signature);
    return body;
  }

  /** {@code POST /v1/consents/{id}/withdrawal} body, effective now. */
  public String withdrawal(String consentId, Credentials subject) {
    ConsentWithdrawal w =
        new ConsentWithdrawal(
            consentId, subject.getAddress(), Instant.now().getEpochSecond(), randomHex32());
    return action("withdrawal", w.consentId(), subject, w.time(), w.nonce(), sign(w, subject));
  }

  /** {@code POST /v1/consents/{id}/erasure} body, now. */
  public String erasure(String consentId, Credentials subject) {
    ConsentErasure e =
        new ConsentErasure(
            consentId, subject.getAddress(), Instant.now().getEpochSecond(), randomHex32());
    return action("erasure", e.consentId(), subject, e.time(), e.nonce(), sign(e, subject));
  }

  private String sign(io.assent.contracts.consent.ConsentMessage message, Credentials subject) {
    return ConsentTypedData.sign(domain, message, subject);
  }

  private String action(
      String name, String consentId, Credentials subject, long time, String nonce, String sig) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject(name)
        .put("consentId", consentId)
        .put("subject", did(subject))
        .put("time", time)
        .put("nonce", nonce);
    body.put("signature", sig);
    return body.toString();
  }

  /**
   * {@code Authorization: SIWE <base64url(message)>.<signature>} for reads at {@code hostPort} (the
   * request's Host header, e.g. {@code 127.0.0.1:8545}), issued now, valid 5 minutes.
   */
  public String siwe(String hostPort, Credentials key) {
    Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String message =
        hostPort
            + " wants you to sign in with your Ethereum account:\n"
            + Keys.toChecksumAddress(key.getAddress())
            + "\n\nAssent test read\n\nURI: http://"
            + hostPort
            + "\nVersion: 1\nChain ID: "
            + domain.chainId()
            + "\nNonce: "
            + Numeric.cleanHexPrefix(randomHex32()).substring(0, 16)
            + "\nIssued At: "
            + issued
            + "\nExpiration Time: "
            + issued.plusSeconds(300);
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    Sign.SignatureData sig = Sign.signPrefixedMessage(bytes, key.getEcKeyPair());
    byte[] signature = new byte[65];
    System.arraycopy(sig.getR(), 0, signature, 0, 32);
    System.arraycopy(sig.getS(), 0, signature, 32, 32);
    signature[64] = sig.getV()[0];
    return "SIWE "
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
        + "."
        + Numeric.toHexString(signature);
  }

  public static String randomHex32() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Numeric.toHexString(b);
  }
}

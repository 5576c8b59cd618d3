package io.assent.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.consent.SignerAuthority;
import io.assent.node.identity.IdentityIndex;
import io.assent.node.store.InMemoryKeyValueStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

class SiweAuthTest {
  private static final String HOST = "node.example:8080";
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private final Credentials alice = Credentials.create(ECKeyPair.create(BigInteger.valueOf(4242)));
  private final Credentials mallory =
      Credentials.create(ECKeyPair.create(BigInteger.valueOf(4343)));
  private final SiweAuth auth =
      new SiweAuth(
          31337,
          new SignerAuthority(new IdentityIndex(new InMemoryKeyValueStore())),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private String message(String domain, long chainId, Instant issuedAt, String extra) {
    return domain
        + " wants you to sign in with your Ethereum account:\n"
        + Keys.toChecksumAddress(alice.getAddress())
        + "\n\nRead my consents\n\n"
        + "URI: https://"
        + domain
        + "\nVersion: 1\nChain ID: "
        + chainId
        + "\n"
        + "Nonce: 32891756abc\nIssued At: "
        + issuedAt
        + "\n"
        + extra;
  }

  private static String header(String message, Credentials signer) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    Sign.SignatureData s = Sign.signPrefixedMessage(bytes, signer.getEcKeyPair());
    byte[] sig = new byte[65];
    System.arraycopy(s.getR(), 0, sig, 0, 32);
    System.arraycopy(s.getS(), 0, sig, 32, 32);
    sig[64] = s.getV()[0];
    return "SIWE "
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
        + "."
        + Numeric.toHexString(sig);
  }

  private void refused(String header, ApiError error) {
    assertThatThrownBy(() -> auth.authorize(header, HOST, alice.getAddress()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(error));
  }

  @Test
  void acceptsAFreshMessageSignedByTheOwner() {
    String header = header(message(HOST, 31337, NOW.minusSeconds(30), ""), alice);
    assertThat(auth.authorize(header, HOST, alice.getAddress())).isEqualTo(alice.getAddress());
  }

  @Test
  void refusesWrongScopeAgeOrSigner() {
    refused(null, ApiError.UNAUTHENTICATED);
    refused("Bearer x", ApiError.UNAUTHENTICATED);
    refused(header(message("evil.example", 31337, NOW, ""), alice), ApiError.UNAUTHENTICATED);
    refused(header(message(HOST, 1, NOW, ""), alice), ApiError.UNAUTHENTICATED);
    refused(
        header(message(HOST, 31337, NOW.minusSeconds(601), ""), alice), ApiError.UNAUTHENTICATED);
    refused(
        header(message(HOST, 31337, NOW.plusSeconds(120), ""), alice), ApiError.UNAUTHENTICATED);
    refused(
        header(
            message(
                HOST,
                31337,
                NOW.minusSeconds(60),
                "Expiration Time: " + NOW.minusSeconds(1) + "\n"),
            alice),
        ApiError.UNAUTHENTICATED);
    refused(
        header(
            message(HOST, 31337, NOW, "Expiration Time: " + NOW.plusSeconds(3600) + "\n"), alice),
        ApiError.UNAUTHENTICATED);
    refused(header(message(HOST, 31337, NOW, ""), mallory), ApiError.UNAUTHENTICATED);
  }

  @Test
  void anAuthenticatedStrangerIsForbidden() {
    String header =
        header(
            message(HOST, 31337, NOW, "")
                .replace(
                    Keys.toChecksumAddress(alice.getAddress()),
                    Keys.toChecksumAddress(mallory.getAddress())),
            mallory);
    assertThat(auth.authenticate(header, HOST)).isEqualTo(mallory.getAddress());
    refused(header, ApiError.FORBIDDEN);
  }

  @Test
  void aCuratorIsAuthorizedForTheResourcesOfAnyIdentityItActsFor() {
    String header = header(message(HOST, 31337, NOW, ""), alice);
    String curator = alice.getAddress();
    String subject = mallory.getAddress();
    assertThat(auth.authorizeAny(header, HOST, java.util.List.of(subject, curator)))
        .isEqualTo(alice.getAddress());
    assertThatThrownBy(() -> auth.authorizeAny(header, HOST, java.util.List.of(subject)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.FORBIDDEN));
  }
}

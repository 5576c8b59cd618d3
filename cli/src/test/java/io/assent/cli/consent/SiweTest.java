package io.assent.cli.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

class SiweTest {

  static final Credentials KEY =
      Credentials.create("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");

  @Test
  void messageFollowsEip4361() {
    String message =
        Siwe.message(
            URI.create("http://127.0.0.1:8080"),
            KEY.getAddress(),
            BigInteger.valueOf(31337),
            "abcDEF123456",
            Instant.parse("2026-11-29T14:00:00.123Z"));
    assertThat(message)
        .isEqualTo(
            "127.0.0.1:8080 wants you to sign in with your Ethereum account:\n"
                + Keys.toChecksumAddress(KEY.getAddress())
                + "\n\n"
                + "Assent: read my consents\n\n"
                + "URI: http://127.0.0.1:8080\n"
                + "Version: 1\n"
                + "Chain ID: 31337\n"
                + "Nonce: abcDEF123456\n"
                + "Issued At: 2026-11-29T14:00:00Z\n"
                + "Expiration Time: 2026-11-29T14:05:00Z");
  }

  @Test
  void theDomainIsTheHostHeader() {
    assertThat(Siwe.authority(URI.create("https://node.example"))).isEqualTo("node.example");
    assertThat(Siwe.authority(URI.create("https://node.example:443"))).isEqualTo("node.example");
    assertThat(Siwe.authority(URI.create("http://node.example:8080/")))
        .isEqualTo("node.example:8080");
  }

  @Test
  void noncesAreAlphanumericAndFresh() {
    String a = Siwe.nonce();
    assertThat(a).matches("[A-Za-z0-9]{16}");
    assertThat(Siwe.nonce()).isNotEqualTo(a);
  }

  @Test
  void headerCarriesTheMessageAndAPersonalSignSignature() throws Exception {
    String message = "hello\nworld";
    String header = Siwe.header(message, KEY);
    assertThat(header).matches("SIWE [A-Za-z0-9_-]+\\.0x[0-9a-f]{130}");
    String[] parts = header.substring(5).split("\\.");
    String decoded = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    assertThat(decoded).isEqualTo(message);
    assertThat(signerOf(decoded, parts[1])).isEqualTo(KEY.getAddress());
  }

  /** The address that personal_sign-ed {@code message}. */
  static String signerOf(String message, String signatureHex) throws Exception {
    byte[] sig = Numeric.hexStringToByteArray(signatureHex);
    Sign.SignatureData data =
        new Sign.SignatureData(
            sig[64], Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
    BigInteger key =
        Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data);
    return "0x" + Keys.getAddress(key);
  }
}

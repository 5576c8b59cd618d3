package io.assent.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Interop with a wallet library: ethers 6 hashes, signs and verifies the JSON that {@link
 * ConsentTypedData#toTypedDataJson} produces, and the Java side agrees on all three.
 */
class ConsentTypedDataEthersIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  static Stream<ConsentMessage> messages() {
    List<String> purposes = new ArrayList<>();
    for (int i = 0; i < ConsentGrant.MAX_PURPOSES; i++) {
      purposes.add("dpv:Purpose" + i + (i % 3 == 0 ? "·ünïcode" : ""));
    }
    ConsentGrant g = ConsentFixtures.GRANT;
    ConsentGrant random =
        new ConsentGrant(
            "0x" + Numeric.toHexStringNoPrefix(randomBytes(20)),
            Numeric.toHexString(randomBytes(32)),
            purposes,
            "dpv:Use",
            "dpv:Consent",
            Numeric.toHexString(randomBytes(32)),
            "",
            "EU",
            0,
            0,
            Numeric.toHexString(randomBytes(32)));
    return Stream.of(g, random, ConsentFixtures.WITHDRAWAL, ConsentFixtures.ERASURE);
  }

  @ParameterizedTest
  @MethodSource("messages")
  void ethersComputesTheSameDigest(ConsentMessage message) {
    String json = ConsentTypedData.toTypedDataJson(ConsentFixtures.DOMAIN, message);

    assertThat(EthersPeer.hash(json))
        .isEqualTo(Numeric.toHexString(ConsentTypedData.hash(ConsentFixtures.DOMAIN, message)));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void javaRecoversTheEthersSigner(ConsentMessage message) throws Exception {
    Credentials wallet = Credentials.create(Keys.createEcKeyPair());
    String json = ConsentTypedData.toTypedDataJson(ConsentFixtures.DOMAIN, message);

    String signature =
        EthersPeer.sign(
            json,
            Numeric.toHexStringWithPrefixZeroPadded(wallet.getEcKeyPair().getPrivateKey(), 64));

    assertThat(ConsentTypedData.recover(ConsentFixtures.DOMAIN, message, signature))
        .isEqualTo(wallet.getAddress());
  }

  @ParameterizedTest
  @MethodSource("messages")
  void ethersRecoversTheJavaSigner(ConsentMessage message) throws Exception {
    Credentials signer = Credentials.create(Keys.createEcKeyPair());
    String signature = ConsentTypedData.sign(ConsentFixtures.DOMAIN, message, signer);

    String json = ConsentTypedData.toTypedDataJson(ConsentFixtures.DOMAIN, message);
    assertThat(EthersPeer.recover(json, signature)).isEqualTo(signer.getAddress());
  }

  private static byte[] randomBytes(int n) {
    byte[] out = new byte[n];
    RANDOM.nextBytes(out);
    return out;
  }
}

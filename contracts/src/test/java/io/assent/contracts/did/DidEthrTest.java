package io.assent.contracts.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.contracts.did.InvalidDidException.Reason;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DidEthrTest {

  // EIP-55 test vector.
  private static final String CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

  // A compressed key and its address, as the did:ethr reference tests use them.
  private static final String PUBLIC_KEY =
      "0x02b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71";
  private static final String PUBLIC_KEY_ADDRESS = "0xC662e6c5F91B9FcD22D7FcafC80Cf8b640aed247";

  @Test
  void parsesAddressWithNetwork() {
    DidEthr did = DidEthr.parse("did:ethr:dev:" + CHECKSUMMED);
    assertThat(did.network()).contains("dev");
    assertThat(did.networkOrMainnet()).isEqualTo("dev");
    assertThat(did.address()).isEqualTo(CHECKSUMMED.toLowerCase());
    assertThat(did.checksumAddress()).isEqualTo(CHECKSUMMED);
    assertThat(did.publicKey()).isEmpty();
    assertThat(did.hexChainId()).isEmpty();
    assertThat(did).hasToString("did:ethr:dev:" + CHECKSUMMED.toLowerCase());
  }

  @Test
  void withoutNetworkMeansMainnet() {
    DidEthr did = DidEthr.parse("did:ethr:" + CHECKSUMMED);
    assertThat(did.network()).isEmpty();
    assertThat(did.networkOrMainnet()).isEqualTo("mainnet");
    assertThat(did).hasToString("did:ethr:" + CHECKSUMMED.toLowerCase());
  }

  @Test
  void hexChainIdAndSubNetworks() {
    assertThat(DidEthr.parse("did:ethr:0x7a69:" + CHECKSUMMED).hexChainId())
        .contains(BigInteger.valueOf(31337));
    assertThat(DidEthr.parse("did:ethr:rsk:testnet:" + CHECKSUMMED).network())
        .contains("rsk:testnet");
  }

  @Test
  void acceptsAllLowerAndAllUpperCase() {
    String lower = CHECKSUMMED.toLowerCase();
    String upper = "0x" + CHECKSUMMED.substring(2).toUpperCase();
    assertThat(DidEthr.parse("did:ethr:" + lower)).isEqualTo(DidEthr.parse("did:ethr:" + upper));
    assertThat(DidEthr.parse("did:ethr:" + upper).address()).isEqualTo(lower);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
      })
  void acceptsValidChecksums(String address) {
    assertThat(DidEthr.parse("did:ethr:" + address).checksumAddress()).isEqualTo(address);
  }

  @Test
  void refusesBadChecksum() {
    String flipped = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"; // one letter's case flipped
    assertThatThrownBy(() -> DidEthr.parse("did:ethr:dev:" + flipped))
        .isInstanceOfSatisfying(
            InvalidDidException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM));
  }

  @Test
  void publicKeyDidDerivesAddress() {
    DidEthr did = DidEthr.parse("did:ethr:dev:" + PUBLIC_KEY);
    assertThat(did.publicKey()).contains(PUBLIC_KEY);
    assertThat(did.checksumAddress()).isEqualTo(PUBLIC_KEY_ADDRESS);
    assertThat(did).hasToString("did:ethr:dev:" + PUBLIC_KEY);
    assertThat(DidEthr.parse("did:ethr:dev:" + PUBLIC_KEY.toUpperCase().replace("0X", "0x")))
        .isEqualTo(did);
    assertThat(did).isNotEqualTo(DidEthr.parse("did:ethr:dev:" + PUBLIC_KEY_ADDRESS));
  }

  @Test
  void equalityIncludesNetwork() {
    assertThat(DidEthr.parse("did:ethr:dev:" + CHECKSUMMED))
        .isNotEqualTo(DidEthr.parse("did:ethr:" + CHECKSUMMED))
        .isEqualTo(DidEthr.ofAddress("dev", CHECKSUMMED.toLowerCase()))
        .hasSameHashCodeAs(DidEthr.ofAddress("dev", CHECKSUMMED.toLowerCase()));
  }

  @ParameterizedTest
  @CsvSource({
    "did:web:example.com, NOT_DID_ETHR",
    "did:ethr, NOT_DID_ETHR",
    "DID:ETHR:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, NOT_DID_ETHR",
    "did:ethr:dev:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed#controller, DID_URL",
    "did:ethr:dev:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed?versionId=3, DID_URL",
    "did:ethr:dev:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed/path, DID_URL",
    "did:ethr:dev;p=1:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, DID_URL",
    "did:ethr::0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, BAD_NETWORK",
    "did:ethr:de v:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, BAD_NETWORK",
    "did:ethr:dev:, BAD_IDENTIFIER",
    "did:ethr:dev:0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea, BAD_IDENTIFIER",
    "did:ethr:dev:5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, BAD_IDENTIFIER",
    "did:ethr:dev:0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, BAD_IDENTIFIER",
    "did:ethr:dev:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg, BAD_IDENTIFIER",
    "did:ethr:dev:0x04b97c30de767f084ce3080168ee293053ba33b235d7116a3263d29f1450936b71, BAD_PUBLIC_KEY",
    // x = 5 has no square root on secp256k1 (y^2 = 132 is a non-residue)
    "did:ethr:dev:0x020000000000000000000000000000000000000000000000000000000000000005, BAD_PUBLIC_KEY",
    // x >= p
    "did:ethr:dev:0x02ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, BAD_PUBLIC_KEY"
  })
  void refusesMalformed(String input, Reason reason) {
    assertThatThrownBy(() -> DidEthr.parse(input))
        .isInstanceOfSatisfying(
            InvalidDidException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> DidEthr.parse(null))
        .isInstanceOfSatisfying(
            InvalidDidException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_DID_ETHR));
  }
}

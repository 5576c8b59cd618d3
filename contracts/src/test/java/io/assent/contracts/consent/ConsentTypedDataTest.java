package io.assent.contracts.consent;

import static io.assent.contracts.consent.ConsentFixtures.DOMAIN;
import static io.assent.contracts.consent.ConsentFixtures.ERASURE;
import static io.assent.contracts.consent.ConsentFixtures.GRANT;
import static io.assent.contracts.consent.ConsentFixtures.WITHDRAWAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

class ConsentTypedDataTest {

  private static final Credentials SIGNER =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  @Test
  void digestsMatchAnIndependentEip712Implementation() {
    assertThat(Numeric.toHexString(ConsentTypedData.hash(DOMAIN, GRANT)))
        .isEqualTo(ConsentFixtures.GRANT_DIGEST);
    assertThat(Numeric.toHexString(ConsentTypedData.hash(DOMAIN, WITHDRAWAL)))
        .isEqualTo(ConsentFixtures.WITHDRAWAL_DIGEST);
    assertThat(Numeric.toHexString(ConsentTypedData.hash(DOMAIN, ERASURE)))
        .isEqualTo(ConsentFixtures.ERASURE_DIGEST);
  }

  @Test
  void digestsOfShortAndLongTermsMatchWeb3jsEncoderAlsoWhenRepeated() throws Exception {
    // Terms up to 64 characters are hashed once and remembered; longer ones every time.
    String longTerm = "x:" + "Ä".repeat(70);
    for (List<String> purposes :
        List.of(
            List.of("ai:ModelTraining"),
            List.of(longTerm, "dpv:ScientificResearch"),
            List.of("ai:ModelTraining", longTerm),
            List.of("ai:ModelTraining"))) {
      ConsentGrant grant = ConsentFixtures.grantWithPurposes(purposes);
      byte[] expected =
          new StructuredDataEncoder(ConsentTypedData.toTypedDataJson(DOMAIN, grant))
              .hashStructuredData();
      assertThat(ConsentTypedData.hash(DOMAIN, grant)).isEqualTo(expected);
      assertThat(ConsentTypedData.hash(DOMAIN, grant)).isEqualTo(expected);
    }
  }

  @Test
  void theDigestBindsEveryFieldTheChainAndTheContract() {
    byte[] base = ConsentTypedData.hash(DOMAIN, GRANT);
    assertThat(
            ConsentTypedData.hash(
                DOMAIN, ConsentFixtures.grantWithPurposes(List.of("ai:ModelTraining"))))
        .isNotEqualTo(base);
    assertThat(
            ConsentTypedData.hash(
                DOMAIN,
                ConsentFixtures.grantWithPurposes(
                    List.of("dpv:ScientificResearch", "ai:ModelTraining"))))
        .isNotEqualTo(base);
    assertThat(ConsentTypedData.hash(Eip712Domain.assent(1, DOMAIN.verifyingContract()), GRANT))
        .isNotEqualTo(base);
    assertThat(ConsentTypedData.hash(Eip712Domain.assent(31337, "0x" + "12".repeat(20)), GRANT))
        .isNotEqualTo(base);
    // a withdrawal and an erasure with the same fields are different statements
    assertThat(ConsentTypedData.hash(DOMAIN, WITHDRAWAL))
        .isNotEqualTo(ConsentTypedData.hash(DOMAIN, ERASURE));
  }

  @Test
  void aSignatureRecoversItsSignerAndOnlyForItsMessage() {
    String signature = ConsentTypedData.sign(DOMAIN, GRANT, SIGNER);

    assertThat(signature).matches("0x[0-9a-f]{130}");
    assertThat(signature.substring(130)).isIn("1b", "1c");
    assertThat(ConsentTypedData.recover(DOMAIN, GRANT, signature)).isEqualTo(SIGNER.getAddress());
    assertThat(ConsentTypedData.recover(DOMAIN, WITHDRAWAL, signature))
        .isNotEqualTo(SIGNER.getAddress());
  }

  @Test
  void recoverAcceptsVAsZeroOrOne() {
    String signature = ConsentTypedData.sign(DOMAIN, WITHDRAWAL, SIGNER);
    int v = Integer.parseInt(signature.substring(130), 16) - 27;
    String compact = signature.substring(0, 130) + String.format("%02x", v);

    assertThat(ConsentTypedData.recover(DOMAIN, WITHDRAWAL, compact))
        .isEqualTo(SIGNER.getAddress());
  }

  @Test
  void recoverRefusesMalformedAndMalleableSignatures() {
    String signature = ConsentTypedData.sign(DOMAIN, GRANT, SIGNER);
    byte[] bytes = Numeric.hexStringToByteArray(signature);
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 32, 64));
    byte[] highS = Numeric.toBytesPadded(Sign.CURVE_PARAMS.getN().subtract(s), 32);
    System.arraycopy(highS, 0, bytes, 32, 32);
    bytes[64] = (byte) (bytes[64] == 27 ? 28 : 27);
    String flipped = Numeric.toHexString(bytes);

    assertThatThrownBy(() -> ConsentTypedData.recover(DOMAIN, GRANT, flipped))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("high s");
    assertThatThrownBy(() -> ConsentTypedData.recover(DOMAIN, GRANT, signature.substring(0, 130)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ConsentTypedData.recover(DOMAIN, GRANT, signature.substring(0, 130) + "1d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v must be");
    assertThatThrownBy(() -> ConsentTypedData.recover(DOMAIN, GRANT, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsentTypedData.recover(DOMAIN, GRANT, "0x" + "00".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typedDataJsonIsWhatEthSignTypedDataV4Takes() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ConsentTypedData.toTypedDataJson(DOMAIN, GRANT));

    assertThat(json.get("primaryType").asText()).isEqualTo("ConsentGrant");
    assertThat(json.at("/types/EIP712Domain/2/name").asText()).isEqualTo("chainId");
    assertThat(json.at("/types/EIP712Domain/2/type").asText()).isEqualTo("uint256");
    assertThat(json.at("/types/ConsentGrant/2/type").asText()).isEqualTo("string[]");
    assertThat(json.at("/types/ConsentGrant")).hasSize(11);
    assertThat(json.at("/domain/chainId").asLong()).isEqualTo(31337);
    assertThat(json.at("/domain/verifyingContract").asText())
        .isEqualTo("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    assertThat(json.at("/message/purposes/1").asText()).isEqualTo("dpv:ScientificResearch");
    assertThat(json.at("/message/validUntil").isIntegralNumber()).isTrue();
    assertThat(json.at("/message/noticeVersion").asText()).isEqualTo("2026-01 – Österreich");
  }

  @Test
  void integersBeyondJavaScriptPrecisionAreWrittenAsStrings() throws Exception {
    ConsentWithdrawal far =
        new ConsentWithdrawal(
            WITHDRAWAL.consentId(), WITHDRAWAL.subject(), 1L << 60, WITHDRAWAL.nonce());
    JsonNode json = new ObjectMapper().readTree(ConsentTypedData.toTypedDataJson(DOMAIN, far));

    assertThat(json.at("/message/time").isTextual()).isTrue();
    assertThat(json.at("/message/time").asText()).isEqualTo(Long.toString(1L << 60));
  }
}

package io.assent.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.contracts.consent.Eip712Domain;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

class DatasetTypedDataTest {

  private static final String CURATOR = DatasetFixtures.CURATOR;
  private static final String P1 = DatasetFixtures.P1;
  private static final String P2 = DatasetFixtures.P2;
  private static final DatasetOperation.Register REGISTER = DatasetFixtures.REGISTER;

  static final Eip712Domain DOMAIN =
      Eip712Domain.datasetRegistry(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3");
  private static final Credentials KEY =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  @Test
  void typeStringsAreExactlyTheRegistrys() {
    String id = P1;
    assertThat(DatasetTypedData.typeString(REGISTER))
        .isEqualTo(
            "RegisterDataset(address curator,string name,string version,bytes32 contentDigest,"
                + "bytes32 metadataDigest,string metadataUri,string license,bytes32[] parents,"
                + "uint256 nonce)");
    assertThat(DatasetTypedData.typeString(new DatasetOperation.UpdateLicense(id, "MIT")))
        .isEqualTo("UpdateLicense(bytes32 dataset,string license,uint256 nonce)");
    assertThat(DatasetTypedData.typeString(new DatasetOperation.Deprecate(id, "r")))
        .isEqualTo("DeprecateDataset(bytes32 dataset,string reason,uint256 nonce)");
    assertThat(DatasetTypedData.typeString(new DatasetOperation.TransferCuratorship(id, CURATOR)))
        .isEqualTo("TransferCuratorship(bytes32 dataset,address newCurator,uint256 nonce)");
  }

  @Test
  void registerDigestMatchesAHandEncoding() {
    BigInteger nonce = BigInteger.valueOf(5);
    byte[] struct =
        Hash.sha3(
            concat(
                keccak(DatasetTypedData.typeString(REGISTER)),
                word(Numeric.toBigInt(CURATOR)),
                keccak("speech-corpus"),
                keccak("1.0.0"),
                Numeric.hexStringToByteArray(REGISTER.contentDigest()),
                Numeric.hexStringToByteArray(REGISTER.metadataDigest()),
                keccak(REGISTER.metadataUri()),
                keccak("CC-BY-4.0"),
                Hash.sha3(
                    concat(Numeric.hexStringToByteArray(P1), Numeric.hexStringToByteArray(P2))),
                word(nonce)));
    byte[] digest = Hash.sha3(concat(new byte[] {0x19, 0x01}, domainSeparator(), struct));

    assertThat(DatasetTypedData.hash(DOMAIN, REGISTER, nonce)).isEqualTo(digest);
  }

  @Test
  void transferDigestMatchesAHandEncoding() {
    var op = new DatasetOperation.TransferCuratorship(P1, CURATOR);
    byte[] struct =
        Hash.sha3(
            concat(
                keccak(DatasetTypedData.typeString(op)),
                Numeric.hexStringToByteArray(P1),
                word(Numeric.toBigInt(CURATOR)),
                word(BigInteger.TWO)));
    assertThat(DatasetTypedData.hash(DOMAIN, op, BigInteger.TWO))
        .isEqualTo(Hash.sha3(concat(new byte[] {0x19, 0x01}, domainSeparator(), struct)));
  }

  @Test
  void everyMemberAndTheNonceChangeTheDigest() {
    byte[] base = DatasetTypedData.hash(DOMAIN, REGISTER, BigInteger.ZERO);
    List<DatasetOperation.Register> variants =
        List.of(
            DatasetFixtures.withParents(REGISTER, List.of(P2, P1)),
            DatasetFixtures.withParents(REGISTER, List.of(P1)),
            new DatasetOperation.Register(
                CURATOR,
                "speech-corpus",
                "1.0.1",
                REGISTER.contentDigest(),
                REGISTER.metadataDigest(),
                REGISTER.metadataUri(),
                REGISTER.license(),
                REGISTER.parents()));
    for (DatasetOperation.Register variant : variants) {
      assertThat(DatasetTypedData.hash(DOMAIN, variant, BigInteger.ZERO)).isNotEqualTo(base);
    }
    assertThat(DatasetTypedData.hash(DOMAIN, REGISTER, BigInteger.ONE)).isNotEqualTo(base);
    assertThat(
            DatasetTypedData.hash(
                Eip712Domain.datasetRegistry(1, DOMAIN.verifyingContract()),
                REGISTER,
                BigInteger.ZERO))
        .isNotEqualTo(base);
  }

  @Test
  void signAndRecoverRoundTripAndTheNonceIsBound() {
    String signature = DatasetTypedData.sign(DOMAIN, REGISTER, BigInteger.ZERO, KEY);

    assertThat(signature).matches("0x[0-9a-f]{128}(1b|1c)");
    assertThat(DatasetTypedData.recover(DOMAIN, REGISTER, BigInteger.ZERO, signature))
        .isEqualTo(KEY.getAddress());
    assertThat(DatasetTypedData.recover(DOMAIN, REGISTER, BigInteger.ONE, signature))
        .isNotEqualTo(KEY.getAddress());
  }

  @Test
  void recoverRefusesMalformedAndHighSSignatures() {
    String signature = DatasetTypedData.sign(DOMAIN, REGISTER, BigInteger.ZERO, KEY);
    byte[] sig = Numeric.hexStringToByteArray(signature);
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    byte[] highS = Numeric.toBytesPadded(Sign.CURVE_PARAMS.getN().subtract(s), 32);
    System.arraycopy(highS, 0, sig, 32, 32);
    sig[64] = (byte) (sig[64] == 27 ? 28 : 27);

    assertThatThrownBy(
            () ->
                DatasetTypedData.recover(
                    DOMAIN, REGISTER, BigInteger.ZERO, Numeric.toHexString(sig)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("high s");
    assertThatThrownBy(
            () -> DatasetTypedData.recover(DOMAIN, REGISTER, BigInteger.ZERO, signature + "00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatasetTypedData.hash(DOMAIN, REGISTER, BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nonce");
  }

  @Test
  void walletJsonCarriesTheDomainTypesAndValues() throws Exception {
    BigInteger big = BigInteger.TWO.pow(64);
    JsonNode json =
        new ObjectMapper().readTree(DatasetTypedData.toTypedDataJson(DOMAIN, REGISTER, big));

    assertThat(json.get("primaryType").asText()).isEqualTo("RegisterDataset");
    assertThat(json.get("domain").get("name").asText()).isEqualTo("Assent Dataset Registry");
    assertThat(json.get("domain").get("chainId").asLong()).isEqualTo(31337);
    assertThat(json.get("message").get("nonce").asText()).isEqualTo(big.toString());
    assertThat(json.get("message").get("parents").get(1).asText()).isEqualTo(P2);
    assertThat(json.get("types").get("EIP712Domain")).hasSize(4);
  }

  private static byte[] domainSeparator() {
    return Hash.sha3(
        concat(
            keccak(
                "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            keccak("Assent Dataset Registry"),
            keccak("1"),
            word(BigInteger.valueOf(31337)),
            word(Numeric.toBigInt(DOMAIN.verifyingContract()))));
  }

  private static byte[] keccak(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] word(BigInteger value) {
    return Numeric.toBytesPadded(value, 32);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

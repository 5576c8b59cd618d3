package io.assent.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.contracts.consent.Eip712Domain;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Interop with a wallet library: ethers 6, with the four types written out from the design, hashes
 * and signs the operations; Java agrees on every digest and recovers every ethers signature.
 */
class DatasetTypedDataEthersIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Eip712Domain DOMAIN =
      Eip712Domain.datasetRegistry(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3");

  static Stream<Arguments> operations() {
    String curator = DatasetChain.newKey().getAddress();
    List<String> parents = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      parents.add(DatasetChain.randomBytes32());
    }
    String id = DatasetChain.randomBytes32();
    BigInteger big = BigInteger.TWO.pow(200).add(BigInteger.valueOf(7));
    return Stream.of(
        Arguments.of(DatasetFixtures.REGISTER, BigInteger.ZERO),
        Arguments.of(
            new DatasetOperation.Register(
                curator,
                "Corpus · ünïcode ✓",
                "",
                DatasetChain.randomBytes32(),
                DatasetChain.randomBytes32(),
                "",
                "(MIT OR Apache-2.0) AND CC-BY-4.0",
                parents),
            big),
        Arguments.of(DatasetChain.registration(curator, List.of()), BigInteger.valueOf(9)),
        Arguments.of(new DatasetOperation.UpdateLicense(id, "CC-BY-NC-4.0"), BigInteger.ONE),
        Arguments.of(new DatasetOperation.Deprecate(id, "superseded"), BigInteger.TEN),
        Arguments.of(new DatasetOperation.Deprecate(id, ""), big),
        Arguments.of(new DatasetOperation.TransferCuratorship(id, curator), BigInteger.TWO));
  }

  @ParameterizedTest
  @MethodSource("operations")
  void ethersComputesTheSameDigest(DatasetOperation op, BigInteger nonce) {
    String json = DatasetTypedData.toTypedDataJson(DOMAIN, op, nonce);

    assertThat(DatasetEthersPeer.hash(json))
        .isEqualTo(Numeric.toHexString(DatasetTypedData.hash(DOMAIN, op, nonce)));
  }

  @ParameterizedTest
  @MethodSource("operations")
  void javaRecoversTheEthersSigner(DatasetOperation op, BigInteger nonce) {
    Credentials wallet = DatasetChain.newKey();
    String json = DatasetTypedData.toTypedDataJson(DOMAIN, op, nonce);

    String signature =
        DatasetEthersPeer.sign(
            json,
            Numeric.toHexStringWithPrefixZeroPadded(wallet.getEcKeyPair().getPrivateKey(), 64));

    assertThat(DatasetTypedData.recover(DOMAIN, op, nonce, signature))
        .isEqualTo(wallet.getAddress());
    assertThat(DatasetTypedData.sign(DOMAIN, op, nonce, wallet))
        .as("deterministic (RFC 6979) signatures agree byte for byte")
        .isEqualTo(signature);
  }

  @ParameterizedTest
  @MethodSource("operations")
  void walletJsonDeclaresTheDesignsTypes(DatasetOperation op, BigInteger nonce) throws Exception {
    JsonNode json = JSON.readTree(DatasetTypedData.toTypedDataJson(DOMAIN, op, nonce));
    String primaryType = json.get("primaryType").asText();

    assertThat(json.get("types").get(primaryType))
        .isEqualTo(JSON.readTree(DatasetEthersPeer.types(primaryType)));
  }
}

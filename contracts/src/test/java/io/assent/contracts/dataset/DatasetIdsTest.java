package io.assent.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.abi.DefaultFunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class DatasetIdsTest {

  private static final String CURATOR = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  @Test
  void idIsKeccakOfTheAbiEncodedCuratorNameHashAndVersionHash() {
    String encoded =
        new DefaultFunctionEncoder()
            .encodeParameters(
                java.util.List.of(
                    new Address(CURATOR),
                    new Bytes32(Hash.sha3("speech".getBytes(StandardCharsets.UTF_8))),
                    new Bytes32(Hash.sha3("1.0".getBytes(StandardCharsets.UTF_8)))));

    assertThat(DatasetIds.of(CURATOR, "speech", "1.0"))
        .isEqualTo(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(encoded))))
        .matches("0x[0-9a-f]{64}");
  }

  @Test
  void idsAreDeterministicCaseInsensitiveInTheAddressAndSensitiveToEverythingElse() {
    String id = DatasetIds.of(CURATOR, "speech", "1.0");

    assertThat(DatasetIds.of(CURATOR.toLowerCase(), "speech", "1.0")).isEqualTo(id);
    assertThat(DatasetIds.of(CURATOR, "Speech", "1.0")).isNotEqualTo(id);
    assertThat(DatasetIds.of(CURATOR, "speech", "1.0 ")).isNotEqualTo(id);
    assertThat(DatasetIds.of(CURATOR, "speech1", ".0")).isNotEqualTo(id);
    assertThat(DatasetIds.of("0x" + "00".repeat(19) + "01", "speech", "1.0")).isNotEqualTo(id);
  }

  @Test
  void aMalformedCuratorIsRefused() {
    assertThatThrownBy(() -> DatasetIds.of("0x1234", "a", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("curator");
    assertThatThrownBy(() -> DatasetIds.of(CURATOR, null, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }
}

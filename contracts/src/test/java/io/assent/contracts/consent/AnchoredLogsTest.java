package io.assent.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

class AnchoredLogsTest {

  private static final String SUBMITTER_WORD = "0x" + "0".repeat(24) + "ab".repeat(20);
  private static final String ROOT = "0x" + "cd".repeat(32);
  private static final String ID = "0x" + "ef".repeat(32);

  private static String data(long count, String... ids) {
    List<Bytes32> items =
        java.util.Arrays.stream(ids)
            .map(id -> new Bytes32(org.web3j.utils.Numeric.hexStringToByteArray(id)))
            .toList();
    return "0x"
        + FunctionEncoder.encodeConstructor(
            List.of(new Uint256(count), new DynamicArray<>(Bytes32.class, items)));
  }

  @Test
  void theTopicIsTheEventSignatureHash() {
    assertThat(ConsentAnchorClient.ANCHORED_TOPIC)
        .isEqualTo(Hash.sha3String("Anchored(address,bytes32,uint256,bytes32[])"));
  }

  @Test
  void decodesAWellFormedLog() {
    var event =
        ConsentAnchorClient.decodeAnchored(
            List.of(ConsentAnchorClient.ANCHORED_TOPIC, SUBMITTER_WORD, ROOT), data(7, ID, ROOT));

    assertThat(event)
        .contains(new AnchoredEvent("0x" + "ab".repeat(20), ROOT, 7, List.of(ID, ROOT)));
  }

  @Test
  void logsThatCannotComeFromTheContractAreIgnored() {
    String topic = ConsentAnchorClient.ANCHORED_TOPIC;
    assertThat(
            ConsentAnchorClient.decodeAnchored(
                List.of(Hash.sha3String("X()"), SUBMITTER_WORD, ROOT), data(1)))
        .isEmpty();
    assertThat(ConsentAnchorClient.decodeAnchored(List.of(topic, SUBMITTER_WORD), data(1)))
        .isEmpty();
    assertThat(
            ConsentAnchorClient.decodeAnchored(
                List.of(topic, "0x01" + SUBMITTER_WORD.substring(4), ROOT), data(1)))
        .isEmpty();
    assertThat(ConsentAnchorClient.decodeAnchored(List.of(topic, SUBMITTER_WORD, ROOT), "0x1234"))
        .isEmpty();
    String hugeCount = "0x" + "ff".repeat(32) + data(0).substring(66);
    assertThat(ConsentAnchorClient.decodeAnchored(List.of(topic, SUBMITTER_WORD, ROOT), hugeCount))
        .isEmpty();
    assertThat(ConsentAnchorClient.decodeAnchored(null, data(1))).isEmpty();
  }
}

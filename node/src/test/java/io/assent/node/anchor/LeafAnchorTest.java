package io.assent.node.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeafAnchorTest {
  private static final String ROOT = "0x" + "ab".repeat(32);
  private static final String TX = "0x" + "0c".repeat(32);
  private static final String BLOCK = "0x" + "f1".repeat(32);

  @Test
  void anAnchorReadsBackAsItWasWrittenWhetherEncodedAloneOrWithItsBatch() {
    List<byte[]> proof = List.of(bytes32(1), bytes32(2), bytes32(3));
    LeafAnchor anchor = new LeafAnchor(ROOT, 5, proof, TX, 1234, BLOCK);
    byte[] alone = anchor.encode();
    byte[] inBatch = new LeafAnchor.BatchEncoder(ROOT, TX, 1234, BLOCK).encode(5, proof);

    assertThat(inBatch).isEqualTo(alone);
    LeafAnchor decoded = LeafAnchor.decode(inBatch);
    assertThat(decoded.root()).isEqualTo(ROOT);
    assertThat(decoded.index()).isEqualTo(5);
    assertThat(decoded.proof()).containsExactlyElementsOf(proof);
    assertThat(decoded.txHash()).isEqualTo(TX);
    assertThat(decoded.blockNumber()).isEqualTo(1234);
    assertThat(decoded.blockHash()).isEqualTo(BLOCK);
  }

  @Test
  void theBatchEncoderTakesHashesInAnyCase() {
    List<byte[]> proof = List.of(bytes32(9));
    byte[] upper =
        new LeafAnchor.BatchEncoder(ROOT.toUpperCase().replace("0X", "0x"), TX, 7, BLOCK)
            .encode(0, proof);
    assertThat(LeafAnchor.decode(upper).root()).isEqualTo(ROOT);
  }

  private static byte[] bytes32(int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return bytes;
  }
}

package io.assent.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class IndexDigestTest {

  private static final String TOPIC = "0x" + "ab".repeat(32);

  private static ChainLog log(long block, int index, String data) {
    return new ChainLog(
        block,
        "0x" + "01".repeat(32),
        1000 + block,
        "0x" + "02".repeat(32),
        0,
        index,
        "0x" + "cc".repeat(20),
        List.of(TOPIC),
        data);
  }

  @Test
  void isKeccakOverThePreviousDigestAndTheLogsFields() {
    byte[] expected =
        Hash.sha3(
            Numeric.hexStringToByteArray(
                "0x"
                    + "00".repeat(32)
                    + "0000000000000007" // block
                    + "00000000000003ef" // timestamp 1007
                    + "00000002" // log index
                    + "cc".repeat(20)
                    + "01" // one topic
                    + "ab".repeat(32)
                    + "00000002" // data length
                    + "beef"));
    assertThat(IndexDigest.next(IndexDigest.initial(), log(7, 2, "0xbeef"))).isEqualTo(expected);
  }

  @Test
  void dependsOnEveryLogAndTheirOrder() {
    byte[] ab =
        IndexDigest.next(
            IndexDigest.next(IndexDigest.initial(), log(1, 0, "0x01")), log(1, 1, "0x02"));
    byte[] ba =
        IndexDigest.next(
            IndexDigest.next(IndexDigest.initial(), log(1, 1, "0x02")), log(1, 0, "0x01"));
    byte[] other =
        IndexDigest.next(
            IndexDigest.next(IndexDigest.initial(), log(1, 0, "0x01")), log(1, 1, "0x03"));
    assertThat(ab).isNotEqualTo(ba).isNotEqualTo(other);
    // Lengths are encoded: moving a byte from the data into nowhere changes the digest.
    assertThat(IndexDigest.next(IndexDigest.initial(), log(1, 0, "0x")))
        .isNotEqualTo(IndexDigest.next(IndexDigest.initial(), log(1, 0, "0x00")));
  }
}

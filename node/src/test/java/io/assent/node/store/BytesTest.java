package io.assent.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void prefixEndIncrementsTheLastByteThatCanBeIncremented() {
    assertThat(Bytes.prefixEnd(new byte[] {1, 2}))
        .hasValueSatisfying(e -> assertThat(e).containsExactly(1, 3));
    assertThat(Bytes.prefixEnd(new byte[] {1, (byte) 0xff}))
        .hasValueSatisfying(e -> assertThat(e).containsExactly(2));
    assertThat(Bytes.prefixEnd(new byte[] {(byte) 0x7f}))
        .hasValueSatisfying(e -> assertThat(e).containsExactly(0x80));
    assertThat(Bytes.prefixEnd(new byte[] {(byte) 0xff, (byte) 0xff})).isEmpty();
    assertThat(Bytes.prefixEnd(new byte[0])).isEmpty();
  }

  @Test
  void bigEndianNumbersRoundTripAndSortNumerically() {
    assertThat(Bytes.toLong(Bytes.longBytes(0x0102030405060708L), 0))
        .isEqualTo(0x0102030405060708L);
    assertThat(Bytes.toInt(Bytes.intBytes(-2), 0)).isEqualTo(-2);
    assertThat(Bytes.compareUnsigned(Bytes.longBytes(255), Bytes.longBytes(256))).isNegative();
    assertThat(Bytes.compareUnsigned(Bytes.longBytes(1L << 40), Bytes.longBytes(7))).isPositive();
    assertThatThrownBy(() -> Bytes.toLong(new byte[7], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concatAndStartsWith() {
    byte[] joined = Bytes.concat(new byte[] {1}, new byte[0], new byte[] {2, 3});
    assertThat(joined).containsExactly(1, 2, 3);
    assertThat(Bytes.startsWith(joined, new byte[] {1, 2})).isTrue();
    assertThat(Bytes.startsWith(joined, new byte[] {2})).isFalse();
    assertThat(Bytes.startsWith(new byte[] {1}, new byte[] {1, 2})).isFalse();
    assertThat(Bytes.compareUnsigned(new byte[] {(byte) 0x80}, new byte[] {0x7f})).isPositive();
  }
}

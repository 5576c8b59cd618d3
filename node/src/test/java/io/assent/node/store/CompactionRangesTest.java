package io.assent.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.store.CompactionRanges.KeyRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactionRangesTest {
  private static final List<KeyRange> FILES =
      List.of(range(0x10, 0x1f), range(0x20, 0x2f), range(0x40, 0x4f));

  @Test
  void keysInOneFileShareOneRangeFromTheirSmallestToTheirLargest() {
    assertThat(show(CompactionRanges.covering(List.of(k(0x2c), k(0x21), k(0x25)), FILES)))
        .containsExactly("21-2c");
  }

  @Test
  void keysInDifferentFilesGetARangeEachInAscendingOrder() {
    assertThat(show(CompactionRanges.covering(List.of(k(0x41), k(0x12), k(0x2f), k(0x10)), FILES)))
        .containsExactly("10-12", "2f-2f", "41-41");
  }

  @Test
  void aKeyNoFileCoversGetsARangeOfItsOwn() {
    assertThat(
            show(
                CompactionRanges.covering(
                    List.of(k(0x05), k(0x35), k(0x36), k(0x36), k(0x15), k(0x90)), FILES)))
        .containsExactly("05-05", "15-15", "35-35", "36-36", "90-90");
  }

  @Test
  void withoutFilesEachDistinctKeyIsItsOwnRange() {
    assertThat(show(CompactionRanges.covering(List.of(k(2), k(1), k(2)), List.of())))
        .containsExactly("01-01", "02-02");
    assertThat(CompactionRanges.covering(List.of(), FILES)).isEmpty();
  }

  @Test
  void keysAreComparedUnsignedAndByLength() {
    List<KeyRange> files = List.of(new KeyRange(new byte[] {0x7f}, new byte[] {(byte) 0x80, 0}));
    List<KeyRange> ranges =
        CompactionRanges.covering(
            List.of(new byte[] {(byte) 0x80}, new byte[] {0x7f, 1}, new byte[] {(byte) 0x80, 1}),
            files);
    assertThat(ranges).hasSize(2);
    assertThat(ranges.get(0).first()).containsExactly(0x7f, 1);
    assertThat(ranges.get(0).last()).containsExactly(0x80);
    assertThat(ranges.get(1).first()).containsExactly(0x80, 1);
  }

  private static KeyRange range(int first, int last) {
    return new KeyRange(k(first), k(last));
  }

  private static byte[] k(int b) {
    return new byte[] {(byte) b};
  }

  private static List<String> show(List<KeyRange> ranges) {
    return ranges.stream()
        .map(r -> String.format("%02x-%02x", r.first()[0] & 0xff, r.last()[0] & 0xff))
        .toList();
  }
}

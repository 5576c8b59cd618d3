package io.assent.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.store.CompactionRanges.File;
import io.assent.node.store.CompactionRanges.KeyRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompactionRangesTest {
  /** Three bottom files of 100 bytes; the column family's files make 1,000 bytes. */
  private static final List<File> FILES =
      List.of(file(0x10, 0x1f), file(0x20, 0x2f), file(0x40, 0x4f));

  private static final long TOTAL = 1000;

  @Test
  void keysInOneFileShareOneRangeFromTheirSmallestToTheirLargest() {
    assertThat(plan(List.of(k(0x2c), k(0x21), k(0x25)), 0)).contains(List.of("21-2c"));
  }

  @Test
  void keysInDifferentFilesGetARangeEachInAscendingOrder() {
    assertThat(plan(List.of(k(0x41), k(0x12), k(0x2f), k(0x10)), 0))
        .contains(List.of("10-12", "2f-2f", "41-41"));
  }

  @Test
  void aKeyNoFileCoversGetsARangeOfItsOwn() {
    assertThat(plan(List.of(k(0x05), k(0x35), k(0x36), k(0x36), k(0x15), k(0x90)), 0))
        .contains(List.of("05-05", "15-15", "35-35", "36-36", "90-90"));
  }

  @Test
  void theWholeColumnFamilyWhenTheRangesWouldRewriteMoreThanHalfOfIt() {
    // Files holding keys (100 each) plus what lies above the bottom level, against 1,000 bytes.
    assertThat(plan(List.of(k(0x11)), 400)).isPresent(); // 500: half
    assertThat(plan(List.of(k(0x11)), 401)).isEmpty();
    assertThat(plan(List.of(k(0x11), k(0x21), k(0x41)), 200)).isPresent(); // 500
    assertThat(plan(List.of(k(0x11), k(0x21), k(0x41)), 201)).isEmpty();
    assertThat(plan(List.of(k(0x05), k(0x35), k(0x90)), 500)).as("no file rewritten").isPresent();
  }

  @Test
  void levelZeroCompactingStraightIntoTheBottomRewritesEveryBottomFileItOverlaps() {
    // Level 0 spans 0x15..0x41: all three files would be rewritten, whichever key is asked for.
    KeyRange span = new KeyRange(k(0x15), k(0x41));
    assertThat(CompactionRanges.plan(List.of(k(0x11)), FILES, 0, span, 500)).isEmpty();
    assertThat(CompactionRanges.plan(List.of(k(0x11)), FILES, 0, span, 600)).isPresent();
    // A narrow level 0 (keys written close together) overlaps one file only.
    KeyRange narrow = new KeyRange(k(0x21), k(0x22));
    assertThat(show(CompactionRanges.plan(List.of(k(0x21), k(0x22)), FILES, 10, narrow, 220)))
        .contains(List.of("21-22"));
  }

  @Test
  void withoutFilesEachDistinctKeyIsItsOwnRange() {
    assertThat(show(CompactionRanges.plan(List.of(k(2), k(1), k(2)), List.of(), 0, null, TOTAL)))
        .contains(List.of("01-01", "02-02"));
    assertThat(CompactionRanges.plan(List.of(), FILES, 0, null, TOTAL)).contains(List.of());
  }

  @Test
  void keysAreComparedUnsignedAndByLength() {
    List<File> files =
        List.of(new File(new KeyRange(new byte[] {0x7f}, new byte[] {(byte) 0x80, 0}), 1));
    List<KeyRange> ranges =
        CompactionRanges.plan(
                List.of(
                    new byte[] {(byte) 0x80}, new byte[] {0x7f, 1}, new byte[] {(byte) 0x80, 1}),
                files,
                0,
                null,
                TOTAL)
            .orElseThrow();
    assertThat(ranges).hasSize(2);
    assertThat(ranges.get(0).first()).containsExactly(0x7f, 1);
    assertThat(ranges.get(0).last()).containsExactly(0x80);
    assertThat(ranges.get(1).first()).containsExactly(0x80, 1);
  }

  private static Optional<List<String>> plan(List<byte[]> keys, long bytesAbove) {
    return show(CompactionRanges.plan(keys, FILES, bytesAbove, null, TOTAL));
  }

  private static File file(int first, int last) {
    return new File(new KeyRange(k(first), k(last)), 100);
  }

  private static byte[] k(int b) {
    return new byte[] {(byte) b};
  }

  private static Optional<List<String>> show(Optional<List<KeyRange>> ranges) {
    return ranges.map(
        list ->
            list.stream()
                .map(r -> String.format("%02x-%02x", r.first()[0] & 0xff, r.last()[0] & 0xff))
                .toList());
  }
}

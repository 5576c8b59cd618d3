package io.assent.node.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which key ranges of a column family to compact so that given keys are compacted, at a cost in
 * proportion to the files that hold them rather than to all the data, when that is cheaper.
 *
 * <p>Keys are grouped by the bottom-level file whose key range covers them, one range per such file
 * (from its smallest to its largest key among them); a key no file covers gets a range of its own.
 * Compacting such a range rewrites that bottom file, but also every file of the levels above that
 * holds part of it: all of level 0 (a flush's file spans every key written since the one before),
 * and every file of the level it compacts into that overlaps them. So the ranges are worth it only
 * while the bottom files they rewrite and everything above the bottom level stay well below the
 * column family's size (a large store, few keys); otherwise one compaction of the whole column
 * family does the same work in one pass.
 */
final class CompactionRanges {
  private CompactionRanges() {}

  /** A key range, both ends included. */
  record KeyRange(byte[] first, byte[] last) {
    KeyRange union(KeyRange other) {
      return new KeyRange(
          Bytes.compareUnsigned(first, other.first) <= 0 ? first : other.first,
          Bytes.compareUnsigned(last, other.last) >= 0 ? last : other.last);
    }

    boolean overlaps(KeyRange other) {
      return Bytes.compareUnsigned(first, other.last) <= 0
          && Bytes.compareUnsigned(other.first, last) <= 0;
    }
  }

  /** A bottom-level file: its key range and its size. */
  record File(KeyRange range, long bytes) {}

  /**
   * The ranges to compact for {@code keys}, or empty when compacting the whole column family is the
   * better plan: the files the ranges would rewrite would make up more than half of {@code
   * totalBytes}. Those are the bottom files holding keys, every file above the bottom level ({@code
   * bytesAbove}), and, when level 0 compacts straight into the bottom level, every bottom file that
   * overlaps level 0 ({@code levelZeroSpan}).
   *
   * @param bottomFiles the bottom level's files, ascending and not overlapping (one level above 0)
   * @param bytesAbove the size of the files of every level above the bottom one, level 0 included
   * @param levelZeroSpan the key range of level 0's files when no level between it and the bottom
   *     one holds files, else null (level 0 then compacts into that level, not into the bottom)
   * @param totalBytes the size of the column family's files
   */
  static Optional<List<KeyRange>> plan(
      Collection<byte[]> keys,
      List<File> bottomFiles,
      long bytesAbove,
      KeyRange levelZeroSpan,
      long totalBytes) {
    List<KeyRange> ranges = new ArrayList<>();
    boolean[] rewritten = new boolean[bottomFiles.size()];
    for (Group group : groups(keys, bottomFiles)) {
      ranges.add(group.range());
      if (group.file() >= 0) {
        rewritten[group.file()] = true;
      }
    }
    long bytes = bytesAbove;
    for (int i = 0; i < bottomFiles.size(); i++) {
      File file = bottomFiles.get(i);
      if (rewritten[i] || (levelZeroSpan != null && levelZeroSpan.overlaps(file.range()))) {
        bytes += file.bytes();
      }
    }
    return bytes * 2 > totalBytes ? Optional.empty() : Optional.of(ranges);
  }

  /** Keys sharing one bottom file ({@code file} its index), or one key no file covers (-1). */
  private record Group(KeyRange range, int file) {}

  /** Disjoint groups, ascending, that together include every key (duplicates allowed). */
  private static List<Group> groups(Collection<byte[]> keys, List<File> files) {
    List<byte[]> sorted = new ArrayList<>(keys);
    sorted.sort(Bytes::compareUnsigned);
    List<Group> groups = new ArrayList<>();
    int file = 0;
    int i = 0;
    while (i < sorted.size()) {
      byte[] key = sorted.get(i);
      while (file < files.size()
          && Bytes.compareUnsigned(files.get(file).range().last(), key) < 0) {
        file++;
      }
      boolean covered =
          file < files.size() && Bytes.compareUnsigned(files.get(file).range().first(), key) <= 0;
      byte[] bound = covered ? files.get(file).range().last() : key;
      int j = i + 1;
      while (j < sorted.size() && Bytes.compareUnsigned(sorted.get(j), bound) <= 0) {
        j++;
      }
      groups.add(new Group(new KeyRange(key, sorted.get(j - 1)), covered ? file : -1));
      i = j;
    }
    return groups;
  }
}

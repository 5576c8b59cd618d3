package io.assent.node.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which key ranges to compact so that given keys are compacted, at a cost in proportion to the
 * files that hold them rather than to all the data: keys are grouped by the bottom-level file whose
 * key range covers them, one range per such file (from its smallest to its largest key among them),
 * and a key no file covers gets a range of its own. A compaction of a range narrower than one
 * bottom-level file rewrites that file, and the files above it that overlap the range.
 */
final class CompactionRanges {
  private CompactionRanges() {}

  /** A key range, both ends included. */
  record KeyRange(byte[] first, byte[] last) {}

  /**
   * @param keys the keys to compact, in any order; duplicates allowed
   * @param files the key ranges of the bottom level's files, ascending and not overlapping (the
   *     files of one level above level 0)
   * @return disjoint ranges, ascending, that together include every key
   */
  static List<KeyRange> covering(Collection<byte[]> keys, List<KeyRange> files) {
    List<byte[]> sorted = new ArrayList<>(keys);
    sorted.sort(Bytes::compareUnsigned);
    List<KeyRange> ranges = new ArrayList<>();
    int file = 0;
    int i = 0;
    while (i < sorted.size()) {
      byte[] key = sorted.get(i);
      while (file < files.size() && Bytes.compareUnsigned(files.get(file).last(), key) < 0) {
        file++;
      }
      boolean covered =
          file < files.size() && Bytes.compareUnsigned(files.get(file).first(), key) <= 0;
      int j = i + 1;
      if (covered) {
        byte[] last = files.get(file).last();
        while (j < sorted.size() && Bytes.compareUnsigned(sorted.get(j), last) <= 0) {
          j++;
        }
      } else {
        while (j < sorted.size() && Bytes.compareUnsigned(sorted.get(j), key) == 0) {
          j++;
        }
      }
      ranges.add(new KeyRange(key, sorted.get(j - 1)));
      i = j;
    }
    return ranges;
  }
}

package io.assent.node.consent;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Counters indexed by time, whose sum over every time at or before {@code t} is read in a few
 * hundred key reads at most, however many times were added: a prefix-sum tree with five levels of
 * 256-wide buckets over unix seconds in [0, 2^40). Level {@code k} holds, per bucket {@code time >>
 * 8k}, the sum of the deltas added at the times in that bucket; {@code [0, t]} splits into at most
 * 255 whole buckets per level, all under one parent, so each level is one short prefix scan.
 *
 * <p>Key: {@code prefix ‖ level(1) ‖ bucket(8, big-endian)}; value: {@link #KINDS} longs. Adding is
 * a read-modify-write of five keys: callers serialize their writers (one thread per prefix).
 */
final class TimeTally {
  static final int KINDS = 3;

  /** Times at or after this are never reached by a query; adding at them is a no-op. */
  static final long END = 1L << 40;

  /** The latest time a query may ask about. */
  static final long MAX_AT = END - 2;

  private static final int LEVELS = 5;
  private static final Segment SEGMENT = Segment.CONSENT_INDEX;

  private TimeTally() {}

  static void add(Transaction tx, byte[] prefix, long time, long[] delta) {
    addAll(tx, prefix, Map.of(time, delta));
  }

  /**
   * Adds deltas at several times: each bucket they share is read and written once (a commit group's
   * grants mostly share the coarse buckets, often the finest too).
   */
  static void addAll(Transaction tx, byte[] prefix, Map<Long, long[]> deltas) {
    // (level, bucket) -> summed delta; the level in the top byte (buckets are below 2^40).
    Map<Long, long[]> byBucket = new TreeMap<>();
    deltas.forEach(
        (time, delta) -> {
          if (time < 0 || time >= END) {
            return;
          }
          for (int level = 0; level < LEVELS; level++) {
            long slot = ((long) level << 56) | (time >>> (8 * level));
            long[] sum = byBucket.computeIfAbsent(slot, s -> new long[KINDS]);
            addInto(sum, delta);
          }
        });
    byBucket.forEach(
        (slot, delta) -> {
          if (Arrays.stream(delta).allMatch(v -> v == 0)) {
            return; // the group's changes cancel out here
          }
          int level = (int) (slot >>> 56);
          long bucket = slot & ((1L << 56) - 1);
          byte[] key = Bytes.concat(prefix, new byte[] {(byte) level}, Bytes.longBytes(bucket));
          long[] sum = tx.get(SEGMENT, key).map(TimeTally::decode).orElseGet(() -> new long[KINDS]);
          addInto(sum, delta);
          if (Arrays.stream(sum).allMatch(v -> v == 0)) {
            tx.delete(SEGMENT, key);
          } else {
            tx.put(SEGMENT, key, encode(sum));
          }
        });
  }

  /**
   * The sums of every delta added at a time {@code <= t}, {@code 0 <= t <= MAX_AT}.
   *
   * <p>Level by level from the top, the buckets before {@code t}'s under the same parent are summed
   * from whichever end is nearer: forward from the first, or, below the top, backward from the last
   * down to {@code t}'s bucket and subtracted from the parent's own total (read at the level above:
   * a bucket holds the sum of its children). So a level reads at most 128 entries, and a level
   * where {@code t}'s bucket is the first of its parent costs a point read.
   */
  static long[] through(KeyValueReader reader, byte[] prefix, long t) {
    if (t < 0 || t > MAX_AT) {
      throw new IllegalArgumentException("time out of range: " + t);
    }
    long[] sum = new long[KINDS];
    long end = t + 1;
    long[] parentTotal = null; // the total of the end bucket's parent; null at the top level
    for (int level = LEVELS - 1; level >= 0; level--) {
      Level read =
          readLevel(
              reader,
              Bytes.concat(prefix, new byte[] {(byte) level}),
              bucket(end, level),
              parentTotal);
      addInto(sum, read.before());
      parentTotal = read.endTotal();
    }
    return sum;
  }

  /**
   * One level's part of {@link #through}: the sum of the buckets before the end bucket under the
   * same parent, and the end bucket's own total (the next level's parent total).
   */
  private record Level(long[] before, long[] endTotal) {}

  private static Level readLevel(
      KeyValueReader reader, byte[] levelPrefix, byte[] endBucket, long[] parentTotal) {
    int last = endBucket[7] & 0xff;
    byte[] parent = Bytes.concat(levelPrefix, Arrays.copyOf(endBucket, 7));
    long[] before = new long[KINDS];
    long[] endTotal = new long[KINDS];
    if (last == 0) {
      reader
          .get(SEGMENT, Bytes.concat(levelPrefix, endBucket))
          .ifPresent(v -> addInto(endTotal, decode(v)));
    } else if (parentTotal == null || last < 128) {
      try (Stream<KeyValue> entries = reader.stream(SEGMENT, parent)) {
        for (KeyValue kv : (Iterable<KeyValue>) entries::iterator) {
          int b = lastByte(kv);
          if (b >= last) {
            if (b == last) {
              addInto(endTotal, decode(kv.value()));
            }
            break;
          }
          addInto(before, decode(kv.value()));
        }
      }
    } else {
      addInto(before, parentTotal);
      try (Stream<KeyValue> entries = reader.streamReverse(SEGMENT, parent)) {
        for (KeyValue kv : (Iterable<KeyValue>) entries::iterator) {
          int b = lastByte(kv);
          if (b < last) {
            break;
          }
          long[] value = decode(kv.value());
          subtractFrom(before, value);
          if (b == last) {
            addInto(endTotal, value);
          }
        }
      }
    }
    return new Level(before, endTotal);
  }

  private static int lastByte(KeyValue kv) {
    return kv.key()[kv.key().length - 1] & 0xff;
  }

  private static void subtractFrom(long[] sum, long[] values) {
    for (int i = 0; i < KINDS; i++) {
      sum[i] -= values[i];
    }
  }

  private static byte[] bucket(long time, int level) {
    return Bytes.longBytes(time >>> (8 * level));
  }

  private static void addInto(long[] sum, long[] values) {
    for (int i = 0; i < KINDS; i++) {
      sum[i] += values[i];
    }
  }

  private static byte[] encode(long[] values) {
    byte[] out = new byte[8 * KINDS];
    for (int i = 0; i < KINDS; i++) {
      System.arraycopy(Bytes.longBytes(values[i]), 0, out, 8 * i, 8);
    }
    return out;
  }

  private static long[] decode(byte[] bytes) {
    long[] out = new long[KINDS];
    for (int i = 0; i < KINDS; i++) {
      out[i] = Bytes.toLong(bytes, 8 * i);
    }
    return out;
  }
}

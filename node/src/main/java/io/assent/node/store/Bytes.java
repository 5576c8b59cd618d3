package io.assent.node.store;

import java.util.Arrays;
import java.util.NavigableMap;
import java.util.Optional;

/** Byte-array helpers for building and comparing keys. Keys sort as unsigned bytes. */
public final class Bytes {
  private Bytes() {}

  public static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  /** 8 bytes, big-endian: non-negative values sort in numeric order. */
  public static byte[] longBytes(long value) {
    byte[] out = new byte[Long.BYTES];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  /** Reads 8 big-endian bytes at {@code offset}. */
  public static long toLong(byte[] bytes, int offset) {
    if (bytes.length - offset < Long.BYTES) {
      throw new IllegalArgumentException("need 8 bytes at offset " + offset);
    }
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xff);
    }
    return value;
  }

  /** 4 bytes, big-endian. */
  public static byte[] intBytes(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  /** Reads 4 big-endian bytes at {@code offset}. */
  public static int toInt(byte[] bytes, int offset) {
    if (bytes.length - offset < Integer.BYTES) {
      throw new IllegalArgumentException("need 4 bytes at offset " + offset);
    }
    return ((bytes[offset] & 0xff) << 24)
        | ((bytes[offset + 1] & 0xff) << 16)
        | ((bytes[offset + 2] & 0xff) << 8)
        | (bytes[offset + 3] & 0xff);
  }

  /** The store's key order: lexicographic over unsigned bytes, a prefix before its extensions. */
  public static int compareUnsigned(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  public static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /**
   * The smallest key greater than every key that starts with {@code prefix}: the prefix with its
   * last non-0xff byte incremented and the trailing 0xff bytes dropped. Empty when there is none
   * (an empty prefix, or one of only 0xff bytes): the range then runs to the end of the segment.
   */
  public static Optional<byte[]> prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return Optional.of(end);
      }
    }
    return Optional.empty();
  }

  /** The entries of {@code map} whose keys start with {@code prefix} (a view). */
  public static <V> NavigableMap<byte[], V> prefixRange(
      NavigableMap<byte[], V> map, byte[] prefix) {
    return prefixEnd(prefix)
        .map(end -> map.subMap(prefix, true, end, false))
        .orElseGet(() -> map.tailMap(prefix, true));
  }
}

package io.assent.node.store;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Converts a value to and from the bytes stored in a {@link Column}. */
public interface Serializer<T> {

  byte[] toBytes(T value);

  /** Throws {@link IllegalArgumentException} when the bytes are not a valid encoding. */
  T fromBytes(byte[] bytes);

  /** 8 bytes big-endian: as a key, non-negative values sort in numeric order. */
  Serializer<Long> LONG =
      of(
          Bytes::longBytes,
          bytes -> {
            requireLength(bytes, Long.BYTES);
            return Bytes.toLong(bytes, 0);
          });

  /** 4 bytes big-endian. */
  Serializer<Integer> INT =
      of(
          Bytes::intBytes,
          bytes -> {
            requireLength(bytes, Integer.BYTES);
            return Bytes.toInt(bytes, 0);
          });

  /** The bytes themselves (copied, so neither side can change the other's array). */
  Serializer<byte[]> BYTES = of(byte[]::clone, byte[]::clone);

  /** UTF-8 text. */
  Serializer<String> UTF8 =
      of(s -> s.getBytes(StandardCharsets.UTF_8), b -> new String(b, StandardCharsets.UTF_8));

  static <T> Serializer<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
    return new Serializer<>() {
      @Override
      public byte[] toBytes(T value) {
        return encode.apply(value);
      }

      @Override
      public T fromBytes(byte[] bytes) {
        return decode.apply(bytes);
      }
    };
  }

  private static void requireLength(byte[] bytes, int length) {
    if (bytes.length != length) {
      throw new IllegalArgumentException("expected " + length + " bytes, got " + bytes.length);
    }
  }
}

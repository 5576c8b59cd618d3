package io.assent.node.anchor;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * The few primitives the anchor records are encoded with: big-endian numbers, fixed-size hashes and
 * counted lists of 32-byte values. Decoding throws {@link IllegalArgumentException} on bad bytes.
 */
final class Binary {
  private Binary() {}

  static final class Writer {
    private ByteBuffer buffer;

    Writer(int capacity) {
      buffer = ByteBuffer.allocate(capacity);
    }

    Writer u8(int value) {
      ensure(1).put((byte) value);
      return this;
    }

    Writer i32(int value) {
      ensure(4).putInt(value);
      return this;
    }

    Writer i64(long value) {
      ensure(8).putLong(value);
      return this;
    }

    Writer fixed(byte[] value, int length) {
      if (value.length != length) {
        throw new IllegalArgumentException("expected " + length + " bytes, got " + value.length);
      }
      ensure(length).put(value);
      return this;
    }

    Writer hash(String hex) {
      return fixed(Numeric.hexStringToByteArray(hex), 32);
    }

    Writer list32(List<byte[]> values) {
      i32(values.size());
      values.forEach(v -> fixed(v, 32));
      return this;
    }

    byte[] bytes() {
      byte[] out = new byte[buffer.position()];
      buffer.flip().get(out);
      return out;
    }

    private ByteBuffer ensure(int more) {
      if (buffer.remaining() < more) {
        ByteBuffer bigger =
            ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
      }
      return buffer;
    }
  }

  static final class Reader {
    private final ByteBuffer buffer;

    Reader(byte[] bytes) {
      buffer = ByteBuffer.wrap(bytes);
    }

    int u8() {
      return get(() -> buffer.get() & 0xff);
    }

    int i32() {
      return get(buffer::getInt);
    }

    long i64() {
      return get(buffer::getLong);
    }

    byte[] fixed(int length) {
      return get(
          () -> {
            byte[] out = new byte[length];
            buffer.get(out);
            return out;
          });
    }

    String hash() {
      return Numeric.toHexString(fixed(32));
    }

    List<byte[]> list32() {
      int size = i32();
      if (size < 0 || (long) size * 32 > buffer.remaining()) {
        throw new IllegalArgumentException("bad list length " + size);
      }
      List<byte[]> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(fixed(32));
      }
      return out;
    }

    void end() {
      if (buffer.hasRemaining()) {
        throw new IllegalArgumentException(buffer.remaining() + " trailing bytes");
      }
    }

    private static <T> T get(java.util.function.Supplier<T> read) {
      try {
        return read.get();
      } catch (BufferUnderflowException e) {
        throw new IllegalArgumentException("truncated record", e);
      }
    }
  }
}

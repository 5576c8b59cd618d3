package io.assent.node.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * The few primitives the node's binary records are encoded with: big-endian numbers, fixed-size
 * byte strings (hashes, addresses, from and to lower-case 0x-hex), short UTF-8 texts and counted
 * lists of 32-byte values. Decoding throws {@link IllegalArgumentException} on bad bytes.
 */
public final class Binary {
  private Binary() {}

  public static final class Writer {
    private ByteBuffer buffer;

    public Writer(int capacity) {
      buffer = ByteBuffer.allocate(capacity);
    }

    public Writer u8(int value) {
      ensure(1).put((byte) value);
      return this;
    }

    public Writer i32(int value) {
      ensure(4).putInt(value);
      return this;
    }

    public Writer i64(long value) {
      ensure(8).putLong(value);
      return this;
    }

    public Writer fixed(byte[] value, int length) {
      if (value.length != length) {
        throw new IllegalArgumentException("expected " + length + " bytes, got " + value.length);
      }
      ensure(length).put(value);
      return this;
    }

    /** 32 bytes given as hex (any case; {@link Reader#hash} gives lower case back). */
    public Writer hash(String hex) {
      return fixed(Numeric.hexStringToByteArray(hex), 32);
    }

    /**
     * {@code length} bytes given as lower-case 0x-hex, which {@link Reader#hex} gives back as it
     * was; other spellings are refused, so that nothing changes on the way through.
     */
    public Writer hex(String hex, int length) {
      byte[] bytes = hex == null ? null : Numeric.hexStringToByteArray(hex);
      if (bytes == null || !hex.equals(Numeric.toHexString(bytes))) {
        throw new IllegalArgumentException("not lower-case 0x-hex: " + hex);
      }
      return fixed(bytes, length);
    }

    /** A UTF-8 text of at most 65,535 bytes, after its length (2 bytes). */
    public Writer text(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      if (utf8.length > 0xffff) {
        throw new IllegalArgumentException("text of " + utf8.length + " bytes");
      }
      ensure(2 + utf8.length).putShort((short) utf8.length).put(utf8);
      return this;
    }

    public Writer list32(List<byte[]> values) {
      i32(values.size());
      values.forEach(v -> fixed(v, 32));
      return this;
    }

    public byte[] bytes() {
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

  public static final class Reader {
    private final ByteBuffer buffer;

    public Reader(byte[] bytes) {
      buffer = ByteBuffer.wrap(bytes);
    }

    public int u8() {
      return get(() -> buffer.get() & 0xff);
    }

    public int i32() {
      return get(buffer::getInt);
    }

    public long i64() {
      return get(buffer::getLong);
    }

    public byte[] fixed(int length) {
      return get(
          () -> {
            byte[] out = new byte[length];
            buffer.get(out);
            return out;
          });
    }

    public String hash() {
      return hex(32);
    }

    public String hex(int length) {
      return Numeric.toHexString(fixed(length));
    }

    public String text() {
      int length = get(() -> buffer.getShort() & 0xffff);
      return new String(fixed(length), StandardCharsets.UTF_8);
    }

    public List<byte[]> list32() {
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

    public void end() {
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

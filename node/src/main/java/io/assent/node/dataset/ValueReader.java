package io.assent.node.dataset;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ValueWriter} wrote; a short or corrupt value is an IllegalStateException. */
final class ValueReader {
  private final ByteBuffer in;

  ValueReader(byte[] value) {
    this.in = ByteBuffer.wrap(value);
  }

  int u8() {
    return guard(() -> in.get() & 0xff);
  }

  int u16() {
    return guard(() -> in.getShort() & 0xffff);
  }

  int i32() {
    return guard(in::getInt);
  }

  long i64() {
    return guard(in::getLong);
  }

  String hex(int length) {
    byte[] bytes = bytes(length);
    return DatasetKeys.hex(bytes);
  }

  String text() {
    int length = i32();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalStateException("corrupt dataset value: text length " + length);
    }
    return new String(bytes(length), StandardCharsets.UTF_8);
  }

  /** Refuses trailing bytes: a value is exactly one encoding. */
  void end() {
    if (in.hasRemaining()) {
      throw new IllegalStateException("corrupt dataset value: " + in.remaining() + " extra bytes");
    }
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    guard(() -> in.get(bytes));
    return bytes;
  }

  private <T> T guard(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (BufferUnderflowException e) {
      throw new IllegalStateException("corrupt dataset value: too short", e);
    }
  }
}

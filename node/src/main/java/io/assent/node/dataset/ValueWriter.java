package io.assent.node.dataset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.web3j.utils.Numeric;

/** Appends the fields of a stored dataset value (see {@link DatasetCodec}). */
final class ValueWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  ValueWriter u8(int value) {
    out.write(value);
    return this;
  }

  ValueWriter u16(int value) {
    out.writeBytes(ByteBuffer.allocate(2).putShort((short) value).array());
    return this;
  }

  ValueWriter i32(int value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
    return this;
  }

  ValueWriter i64(long value) {
    out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    return this;
  }

  /** Fixed-length hex (an id, digest, hash or address); its length is implied by the format. */
  ValueWriter hex(String hex, int length) {
    byte[] bytes = Numeric.hexStringToByteArray(hex);
    if (bytes.length != length) {
      throw new IllegalArgumentException("expected " + length + " bytes: " + hex);
    }
    out.writeBytes(bytes);
    return this;
  }

  /** UTF-8 text with a 4-byte length. */
  ValueWriter text(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    i32(bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}

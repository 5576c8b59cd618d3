package io.assent.contracts.dataset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A strict reader of ABI-encoded event data: 32-byte words, addresses with clean upper bytes, and
 * dynamic strings and {@code bytes32[]} at in-bounds offsets. Any violation throws {@link
 * MalformedAbiException}: such data cannot come from the registry.
 */
final class AbiData {

  private static final HexFormat HEX = HexFormat.of();
  private static final int WORD = 32;

  private final byte[] data;

  private AbiData(byte[] data) {
    this.data = data;
  }

  /** Parses 0x-hex (either case); an odd length or a non-hex digit is malformed. */
  static AbiData ofHex(String hex) {
    return new AbiData(bytes(hex));
  }

  static byte[] bytes(String hex) {
    if (hex == null || !hex.startsWith("0x") || (hex.length() & 1) != 0) {
      throw new MalformedAbiException("not 0x-hex of whole bytes");
    }
    try {
      return HEX.parseHex(hex, 2, hex.length());
    } catch (IllegalArgumentException e) {
      throw new MalformedAbiException("not hex");
    }
  }

  /** A 32-byte topic holding an address (upper 12 bytes zero), as lower-case 0x-hex. */
  static String topicAddress(String topic) {
    return addressAt(bytes32Bytes(topic), 0);
  }

  /** A 32-byte topic as lower-case 0x-hex. */
  static String topicBytes32(String topic) {
    return "0x" + HEX.formatHex(bytes32Bytes(topic));
  }

  private static byte[] bytes32Bytes(String topic) {
    byte[] word = bytes(topic);
    if (word.length != WORD) {
      throw new MalformedAbiException("topic is not 32 bytes");
    }
    return word;
  }

  /** The data must hold exactly {@code words} head words and nothing else (static data). */
  AbiData requireSize(int words) {
    if (data.length != words * WORD) {
      throw new MalformedAbiException(
          "expected " + words + " words, got " + data.length + " bytes");
    }
    return this;
  }

  String address(int word) {
    return addressAt(data, checkedOffset(word));
  }

  String bytes32(int word) {
    int at = checkedOffset(word);
    return "0x" + HEX.formatHex(data, at, at + WORD);
  }

  /** The string whose offset is in head word {@code word}; invalid UTF-8 becomes U+FFFD. */
  String string(int word) {
    int start = tailStart(word);
    int length = length(start);
    requireRange(start + WORD, length);
    return new String(data, start + WORD, length, StandardCharsets.UTF_8);
  }

  /** The {@code bytes32[]} whose offset is in head word {@code word}. */
  List<String> bytes32Array(int word) {
    int start = tailStart(word);
    int count = length(start);
    requireRange(start + WORD, (long) count * WORD);
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = start + WORD + i * WORD;
      out.add("0x" + HEX.formatHex(data, at, at + WORD));
    }
    return out;
  }

  private int tailStart(int word) {
    int start = smallInt(checkedOffset(word));
    requireRange(start, WORD);
    return start;
  }

  private int length(int at) {
    return smallInt(at);
  }

  /** A word that must fit in 31 bits (offsets and lengths): anything larger is out of bounds. */
  private int smallInt(int at) {
    for (int i = at; i < at + WORD - 4; i++) {
      if (data[i] != 0) {
        throw new MalformedAbiException("offset or length out of range");
      }
    }
    int value =
        ((data[at + 28] & 0xff) << 24)
            | ((data[at + 29] & 0xff) << 16)
            | ((data[at + 30] & 0xff) << 8)
            | (data[at + 31] & 0xff);
    if (value < 0) {
      throw new MalformedAbiException("offset or length out of range");
    }
    return value;
  }

  private int checkedOffset(int word) {
    int at = word * WORD;
    requireRange(at, WORD);
    return at;
  }

  private void requireRange(int start, long length) {
    if (start < 0 || start + length > data.length) {
      throw new MalformedAbiException("data too short");
    }
  }

  private static String addressAt(byte[] bytes, int at) {
    for (int i = at; i < at + 12; i++) {
      if (bytes[i] != 0) {
        throw new MalformedAbiException("address word has dirty upper bytes");
      }
    }
    return "0x" + HEX.formatHex(bytes, at + 12, at + WORD);
  }

  /** Data that does not decode as the event's ABI. */
  static final class MalformedAbiException extends RuntimeException {
    MalformedAbiException(String message) {
      super(message, null, false, false);
    }
  }
}

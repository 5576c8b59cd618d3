package io.assent.node.identity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Text of registry byte fields as the did:ethr reference reads it: strict UTF-8 (overlong forms,
 * surrogates and truncated sequences are errors, as in ethers' {@code toUtf8String}).
 */
final class Bytes32Text {

  private Bytes32Text() {}

  /** A bytes32 name or delegate type: UTF-8 with trailing NULs removed; empty if not UTF-8. */
  static Optional<String> name(byte[] bytes32) {
    return utf8(bytes32).map(Bytes32Text::stripTrailingNuls);
  }

  /** Strict UTF-8 decoding; empty if the bytes are not valid UTF-8. */
  static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static String stripTrailingNuls(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\0') {
      end--;
    }
    return text.substring(0, end);
  }
}

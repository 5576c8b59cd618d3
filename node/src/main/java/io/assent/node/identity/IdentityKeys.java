package io.assent.node.identity;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.web3j.utils.Numeric;

/**
 * Key layout of the identity segments.
 *
 * <ul>
 *   <li>{@code DID_EVENTS}: identity (20 bytes) ‖ block number (8, big-endian) ‖ log index (4,
 *       big-endian). Unsigned-byte key order is therefore chain order per identity, and an
 *       identity's whole history is one prefix scan.
 *   <li>{@code DID_IDENTITIES}: identity (20 bytes).
 * </ul>
 */
final class IdentityKeys {

  static final int ADDRESS_LENGTH = 20;
  static final int EVENT_KEY_LENGTH = ADDRESS_LENGTH + 8 + 4;

  private IdentityKeys() {}

  static byte[] identity(String address) {
    byte[] bytes = Numeric.hexStringToByteArray(address);
    if (bytes.length != ADDRESS_LENGTH) {
      throw new IllegalArgumentException("not a 20-byte address: " + address);
    }
    return bytes;
  }

  static byte[] event(String address, long blockNumber, int logIndex) {
    return ByteBuffer.allocate(EVENT_KEY_LENGTH)
        .put(identity(address))
        .putLong(blockNumber)
        .putInt(logIndex)
        .array();
  }

  static long blockOf(byte[] eventKey) {
    return ByteBuffer.wrap(eventKey, ADDRESS_LENGTH, 8).getLong();
  }

  static int logIndexOf(byte[] eventKey) {
    return ByteBuffer.wrap(eventKey, ADDRESS_LENGTH + 8, 4).getInt();
  }

  static String address(byte[] bytes) {
    return Numeric.toHexString(bytes, 0, ADDRESS_LENGTH, true).toLowerCase(Locale.ROOT);
  }
}

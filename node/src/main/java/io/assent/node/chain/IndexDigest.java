package io.assent.node.chain;

import java.nio.ByteBuffer;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The running digest of the index: {@code d' = keccak256(d ‖ block number (8) ‖ block timestamp (8)
 * ‖ log index (4) ‖ address (20) ‖ topic count (1) ‖ topics (32 each) ‖ data length (4) ‖ data)},
 * numbers big-endian, chained over every applied log in chain order from 32 zero bytes. It depends
 * only on the logs of the canonical chain, so any history of reorgs and restarts ends at the digest
 * of a fresh sync of the same chain.
 */
public final class IndexDigest {
  private IndexDigest() {}

  public static final String INITIAL_HEX = Numeric.toHexString(new byte[32]);

  public static byte[] initial() {
    return new byte[32];
  }

  public static byte[] next(byte[] previous, ChainLog log) {
    byte[] address = Numeric.hexStringToByteArray(log.address());
    byte[] data = Numeric.hexStringToByteArray(log.data());
    ByteBuffer buffer =
        ByteBuffer.allocate(
            32 + 8 + 8 + 4 + address.length + 1 + 32 * log.topics().size() + 4 + data.length);
    buffer
        .put(previous)
        .putLong(log.blockNumber())
        .putLong(log.blockTimestamp())
        .putInt(log.logIndex())
        .put(address)
        .put((byte) log.topics().size());
    for (String topic : log.topics()) {
      buffer.put(Hex.bytes32(topic));
    }
    buffer.putInt(data.length).put(data);
    return Hash.sha3(buffer.array());
  }
}

package io.assent.node.chain;

import io.assent.node.store.Serializer;
import java.nio.ByteBuffer;
import org.web3j.utils.Numeric;

/** Encoding of a stored {@link SyncCursor}: format 1, block number (8), hash (32), digest (32). */
final class SyncCursorCodec implements Serializer<SyncCursor> {

  private static final byte FORMAT = 1;
  private static final int LENGTH = 1 + 8 + 32 + 32;

  @Override
  public byte[] toBytes(SyncCursor cursor) {
    return ByteBuffer.allocate(LENGTH)
        .put(FORMAT)
        .putLong(cursor.blockNumber())
        .put(Hex.bytes32(cursor.blockHash()))
        .put(Hex.bytes32(cursor.indexDigest()))
        .array();
  }

  @Override
  public SyncCursor fromBytes(byte[] bytes) {
    if (bytes.length != LENGTH || bytes[0] != FORMAT) {
      throw new IllegalArgumentException("not a stored sync cursor (format " + bytes[0] + ")");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
    long number = buffer.getLong();
    byte[] hash = new byte[32];
    byte[] digest = new byte[32];
    buffer.get(hash).get(digest);
    return new SyncCursor(number, Numeric.toHexString(hash), Numeric.toHexString(digest));
  }
}

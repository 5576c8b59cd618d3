package io.assent.node.identity;

import java.nio.ByteBuffer;

/**
 * What {@code DID_IDENTITIES} holds per identity. Format version 1: version (1 byte = 1) ‖
 * lastChangedBlock (8, big-endian) ‖ eventCount (8, big-endian).
 *
 * @param lastChangedBlock the block of the identity's latest registry event, the index's
 *     counterpart of the registry's {@code changed[identity]}
 * @param eventCount how many registry events the index holds for the identity
 */
public record IdentityRecord(long lastChangedBlock, long eventCount) {

  private static final byte VERSION = 1;
  private static final int LENGTH = 17;

  byte[] encode() {
    return ByteBuffer.allocate(LENGTH)
        .put(VERSION)
        .putLong(lastChangedBlock)
        .putLong(eventCount)
        .array();
  }

  static IdentityRecord decode(byte[] value) {
    if (value.length != LENGTH || value[0] != VERSION) {
      throw new IllegalStateException("unknown identity record format");
    }
    ByteBuffer in = ByteBuffer.wrap(value, 1, LENGTH - 1);
    return new IdentityRecord(in.getLong(), in.getLong());
  }
}

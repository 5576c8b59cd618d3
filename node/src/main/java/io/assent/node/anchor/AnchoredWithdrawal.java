package io.assent.node.anchor;

import io.assent.node.store.Binary;

/**
 * {@code ANCHOR_WITHDRAWN[consentId]}: the first {@code Anchored} log on the canonical chain whose
 * withdrawn list holds the id. Hashes lower-case 0x-hex.
 */
public record AnchoredWithdrawal(long blockNumber, String txHash, String root) {

  private static final int VERSION = 1;

  byte[] encode() {
    return new Binary.Writer(80).u8(VERSION).i64(blockNumber).hash(txHash).hash(root).bytes();
  }

  static AnchoredWithdrawal decode(byte[] bytes) {
    Binary.Reader in = new Binary.Reader(bytes);
    if (in.u8() != VERSION) {
      throw new IllegalArgumentException("unknown AnchoredWithdrawal version");
    }
    AnchoredWithdrawal withdrawal = new AnchoredWithdrawal(in.i64(), in.hash(), in.hash());
    in.end();
    return withdrawal;
  }
}

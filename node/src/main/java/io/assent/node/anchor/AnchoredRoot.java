package io.assent.node.anchor;

import io.assent.node.store.Binary;
import org.web3j.utils.Numeric;

/**
 * {@code ANCHOR_ROOTS[root]}: the first {@code Anchored} log on the canonical chain that carried
 * this root. Hashes and the submitter are lower-case 0x-hex.
 */
public record AnchoredRoot(
    long blockNumber, String blockHash, String txHash, int logIndex, long count, String submitter) {

  private static final int VERSION = 1;

  byte[] encode() {
    return new Binary.Writer(128)
        .u8(VERSION)
        .i64(blockNumber)
        .hash(blockHash)
        .hash(txHash)
        .i32(logIndex)
        .i64(count)
        .fixed(Numeric.hexStringToByteArray(submitter), 20)
        .bytes();
  }

  static AnchoredRoot decode(byte[] bytes) {
    Binary.Reader in = new Binary.Reader(bytes);
    if (in.u8() != VERSION) {
      throw new IllegalArgumentException("unknown AnchoredRoot version");
    }
    AnchoredRoot root =
        new AnchoredRoot(
            in.i64(), in.hash(), in.hash(), in.i32(), in.i64(), Numeric.toHexString(in.fixed(20)));
    in.end();
    return root;
  }
}

package io.assent.node.anchor;

import io.assent.node.store.Binary;
import java.util.List;

/**
 * Where one consent leaf is anchored: its batch's root, its index in the batch, the Merkle proof
 * (sibling hashes, sorted-pair tree), and the anchoring transaction as the chain index saw it at
 * head - K. Hashes lower-case 0x-hex.
 */
public record LeafAnchor(
    String root, int index, List<byte[]> proof, String txHash, long blockNumber, String blockHash) {

  private static final int VERSION = 1;

  public LeafAnchor {
    proof = List.copyOf(proof);
  }

  byte[] encode() {
    return new Binary.Writer(160 + 32 * proof.size())
        .u8(VERSION)
        .hash(root)
        .i32(index)
        .list32(proof)
        .hash(txHash)
        .i64(blockNumber)
        .hash(blockHash)
        .bytes();
  }

  static LeafAnchor decode(byte[] bytes) {
    Binary.Reader in = new Binary.Reader(bytes);
    if (in.u8() != VERSION) {
      throw new IllegalArgumentException("unknown LeafAnchor version");
    }
    LeafAnchor anchor =
        new LeafAnchor(in.hash(), in.i32(), in.list32(), in.hash(), in.i64(), in.hash());
    in.end();
    return anchor;
  }
}

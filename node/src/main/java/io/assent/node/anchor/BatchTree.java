package io.assent.node.anchor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * The Merkle tree of a batch, as fixed by the consent design (sorted pairs, an odd node promoted
 * unchanged, the root of one leaf is the leaf). Kept as one small seam so it can delegate to {@code
 * io.assent.contracts.consent.MerkleTree}; a test checks both agree.
 */
final class BatchTree {
  private final List<List<byte[]>> levels = new ArrayList<>();

  BatchTree(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      throw new IllegalArgumentException("a tree needs at least one leaf");
    }
    List<byte[]> level = List.copyOf(leaves);
    levels.add(level);
    while (level.size() > 1) {
      List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        next.add(i + 1 < level.size() ? parent(level.get(i), level.get(i + 1)) : level.get(i));
      }
      levels.add(next);
      level = next;
    }
  }

  byte[] root() {
    return levels.get(levels.size() - 1).get(0).clone();
  }

  List<byte[]> proof(int index) {
    List<byte[]> proof = new ArrayList<>();
    for (int depth = 0; depth < levels.size() - 1; depth++) {
      List<byte[]> level = levels.get(depth);
      int sibling = index ^ 1;
      if (sibling < level.size()) {
        proof.add(level.get(sibling).clone());
      }
      index /= 2;
    }
    return proof;
  }

  static boolean verify(byte[] leaf, List<byte[]> proof, byte[] root) {
    byte[] node = leaf;
    for (byte[] sibling : proof) {
      node = parent(node, sibling);
    }
    return Arrays.equals(node, root);
  }

  static byte[] parent(byte[] a, byte[] b) {
    boolean aFirst = Arrays.compareUnsigned(a, b) <= 0;
    byte[] both = new byte[64];
    System.arraycopy(aFirst ? a : b, 0, both, 0, 32);
    System.arraycopy(aFirst ? b : a, 0, both, 32, 32);
    return Hash.sha3(both);
  }
}

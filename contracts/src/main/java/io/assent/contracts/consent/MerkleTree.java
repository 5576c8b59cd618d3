package io.assent.contracts.consent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * A Merkle tree over 32-byte leaves, in the OpenZeppelin {@code MerkleProof} convention: an inner
 * node is keccak256 of its two children in ascending (unsigned) order, so a proof is just the
 * sibling hashes, bottom up, with no left/right bits. A node left without a sibling at the end of a
 * level is promoted unchanged; the root of a single leaf is the leaf itself. A proof therefore has
 * at most ceil(log2 N) hashes.
 *
 * <p>Immutable. Leaves are kept in the given order (not sorted): {@code proof(i)} is for the i-th
 * leaf given.
 */
public final class MerkleTree {

  /** levels.get(0) = the leaves, last = [root]. */
  private final List<byte[][]> levels;

  private MerkleTree(List<byte[][]> levels) {
    this.levels = levels;
  }

  /**
   * Builds the tree.
   *
   * @throws IllegalArgumentException if there is no leaf, or a leaf is not 32 bytes
   */
  public static MerkleTree of(List<byte[]> leaves) {
    if (leaves == null || leaves.isEmpty()) {
      throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
    }
    byte[][] level = new byte[leaves.size()][];
    for (int i = 0; i < level.length; i++) {
      level[i] = Hex.bytes32("leaf " + i, leaves.get(i));
    }
    List<byte[][]> levels = new ArrayList<>();
    levels.add(level);
    while (level.length > 1) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      for (int i = 0; i < up.length; i++) {
        int left = 2 * i;
        up[i] = left + 1 < level.length ? hashPair(level[left], level[left + 1]) : level[left];
      }
      levels.add(up);
      level = up;
    }
    return new MerkleTree(levels);
  }

  /** The number of leaves. */
  public int size() {
    return levels.get(0).length;
  }

  /** The i-th leaf, as given. */
  public byte[] leaf(int index) {
    return levels.get(0)[checkIndex(index)].clone();
  }

  public byte[] root() {
    return levels.get(levels.size() - 1)[0].clone();
  }

  /**
   * The sibling hashes from leaf {@code index} up to the root (levels where it had none are
   * skipped).
   */
  public List<byte[]> proof(int index) {
    int position = checkIndex(index);
    List<byte[]> proof = new ArrayList<>();
    for (int depth = 0; depth < levels.size() - 1; depth++) {
      byte[][] level = levels.get(depth);
      int sibling = position ^ 1;
      if (sibling < level.length) {
        proof.add(level[sibling].clone());
      }
      position /= 2;
    }
    return List.copyOf(proof);
  }

  /**
   * True if folding {@code proof} into {@code leaf} gives {@code root}. False (never an exception)
   * for a leaf, root or proof element that is null or not 32 bytes.
   */
  public static boolean verify(byte[] leaf, List<byte[]> proof, byte[] root) {
    if (!is32(leaf) || !is32(root) || proof == null) {
      return false;
    }
    byte[] node = leaf;
    for (byte[] sibling : proof) {
      if (!is32(sibling)) {
        return false;
      }
      node = hashPair(node, sibling);
    }
    return Arrays.equals(node, root);
  }

  /** keccak256(min(a, b) ‖ max(a, b)), bytes compared unsigned. */
  public static byte[] hashPair(byte[] a, byte[] b) {
    byte[] joined = new byte[64];
    boolean ordered = Arrays.compareUnsigned(a, b) <= 0;
    System.arraycopy(ordered ? a : b, 0, joined, 0, 32);
    System.arraycopy(ordered ? b : a, 0, joined, 32, 32);
    return Hash.sha3(joined);
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("leaf " + index + " of " + size());
    }
    return index;
  }

  private static boolean is32(byte[] value) {
    return value != null && value.length == 32;
  }
}

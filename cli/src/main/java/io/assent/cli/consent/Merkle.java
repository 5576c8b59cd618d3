package io.assent.cli.consent;

import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Merkle proofs over sorted pairs (as OpenZeppelin's MerkleProof): a parent is keccak256(min(a,b) ‖
 * max(a,b)), so a proof is just the siblings.
 */
final class Merkle {

  private Merkle() {}

  static boolean verify(String leaf, List<String> proof, String root) {
    byte[] node = Numeric.hexStringToByteArray(leaf);
    for (String sibling : proof) {
      byte[] other = Numeric.hexStringToByteArray(sibling);
      if (other.length != 32) {
        return false;
      }
      node = Arrays.compareUnsigned(node, other) <= 0 ? hash(node, other) : hash(other, node);
    }
    return Arrays.equals(node, Numeric.hexStringToByteArray(root));
  }

  static byte[] hash(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return Hash.sha3(both);
  }
}

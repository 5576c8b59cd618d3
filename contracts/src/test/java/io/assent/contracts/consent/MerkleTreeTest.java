package io.assent.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class MerkleTreeTest {

  @Test
  void everyProofVerifiesForSizesOneToThirtyThree() {
    for (int n = 1; n <= 33; n++) {
      List<byte[]> leaves = leaves(n);
      MerkleTree tree = MerkleTree.of(leaves);
      int maxProof = 32 - Integer.numberOfLeadingZeros(n - 1); // ceil(log2 n)
      for (int i = 0; i < n; i++) {
        List<byte[]> proof = tree.proof(i);
        assertThat(MerkleTree.verify(leaves.get(i), proof, tree.root()))
            .as("n=%d i=%d", n, i)
            .isTrue();
        assertThat(proof.size()).as("n=%d i=%d", n, i).isLessThanOrEqualTo(maxProof);
      }
    }
  }

  @Test
  void theRootOfOneLeafIsTheLeaf() {
    byte[] leaf = leaves(1).get(0);
    MerkleTree tree = MerkleTree.of(List.of(leaf));

    assertThat(tree.root()).isEqualTo(leaf);
    assertThat(tree.proof(0)).isEmpty();
  }

  @Test
  void matchesTheSortedPairConstructionByHand() {
    List<byte[]> l = leaves(3);
    byte[] ab = sortedHash(l.get(0), l.get(1));
    byte[] root = sortedHash(ab, l.get(2)); // the third leaf is promoted to level 1

    MerkleTree tree = MerkleTree.of(l);

    assertThat(tree.root()).isEqualTo(root);
    assertThat(tree.proof(2)).containsExactly(ab);
    assertThat(tree.proof(0)).containsExactly(l.get(1), l.get(2));
  }

  @Test
  void tamperedProofsLeavesAndRootsFail() {
    List<byte[]> leaves = leaves(10);
    MerkleTree tree = MerkleTree.of(leaves);
    List<byte[]> proof = new ArrayList<>(tree.proof(4));
    byte[] otherLeaf = leaves.get(5);

    assertThat(MerkleTree.verify(otherLeaf, proof, tree.root())).isFalse();
    byte[] flipped = proof.get(1).clone();
    flipped[31] ^= 1;
    proof.set(1, flipped);
    assertThat(MerkleTree.verify(leaves.get(4), proof, tree.root())).isFalse();
    assertThat(MerkleTree.verify(leaves.get(4), tree.proof(4).subList(0, 2), tree.root()))
        .isFalse();
    assertThat(MerkleTree.verify(leaves.get(4), tree.proof(4), leaves.get(4))).isFalse();
    assertThat(MerkleTree.verify(null, tree.proof(4), tree.root())).isFalse();
    assertThat(MerkleTree.verify(leaves.get(4), List.of(new byte[31]), tree.root())).isFalse();
  }

  @Test
  void anEmptyTreeOrABadLeafIsRefused() {
    assertThatThrownBy(() -> MerkleTree.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one leaf");
    assertThatThrownBy(() -> MerkleTree.of(List.of(new byte[32], new byte[31])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaf 1");
    MerkleTree tree = MerkleTree.of(leaves(2));
    assertThatThrownBy(() -> tree.proof(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void theTreeCannotBeChangedThroughWhatItReturns() {
    List<byte[]> leaves = leaves(4);
    MerkleTree tree = MerkleTree.of(leaves);
    byte[] root = tree.root();
    leaves.get(0)[0] ^= 1;
    tree.root()[0] ^= 1;
    tree.proof(0).get(0)[0] ^= 1;

    assertThat(tree.root()).isEqualTo(root);
  }

  static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(Hash.sha3(Numeric.toBytesPadded(java.math.BigInteger.valueOf(i), 32)));
    }
    return leaves;
  }

  private static byte[] sortedHash(byte[] a, byte[] b) {
    byte[] first = java.util.Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    byte[] second = first == a ? b : a;
    byte[] joined = new byte[64];
    System.arraycopy(first, 0, joined, 0, 32);
    System.arraycopy(second, 0, joined, 32, 32);
    return Hash.sha3(joined);
  }
}

package io.assent.node.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.consent.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class RecentTreesTest {

  @Test
  void aBatchClosedLatelyIsConfirmedWithTheTreeItWasClosedWith() {
    RecentTrees trees = new RecentTrees();
    List<byte[]> leaves = leaves(0, 7);
    MerkleTree built = trees.build(leaves);

    assertThat(trees.of(built.root(), leaves)).isSameAs(built);
  }

  @Test
  void aBatchNotKeptGetsItsTreeBuiltAgainWithTheSameRootAndProofs() {
    RecentTrees trees = new RecentTrees();
    List<byte[]> first = leaves(0, 5);
    byte[] root = MerkleTree.of(first).root();
    for (int i = 1; i <= 20; i++) {
      trees.build(leaves(100 * i, 3)); // pushes out whatever was kept before
    }

    MerkleTree tree = trees.of(root, first);
    assertThat(tree.root()).isEqualTo(root);
    for (int i = 0; i < first.size(); i++) {
      assertThat(MerkleTree.verify(first.get(i), tree.proof(i), root)).isTrue();
    }
  }

  private static List<byte[]> leaves(int from, int count) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      leaves.add(Hash.sha3(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    return leaves;
  }
}

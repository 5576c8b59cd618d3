package io.assent.node.anchor;

import io.assent.contracts.consent.MerkleTree;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle trees of the batches closed lately, by root: the anchorer builds a batch's tree when
 * it closes the batch (for its root) and needs it again when it confirms the batch (for each leaf's
 * proof), a few seconds later. Keeping it saves hashing every batch twice. A tree not kept (after a
 * restart, or pushed out by newer batches) is built again from the leaves. Used by the anchorer's
 * thread only.
 */
final class RecentTrees {
  private static final int KEPT = 16;

  private final Map<ByteBuffer, MerkleTree> trees =
      new LinkedHashMap<>(KEPT * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, MerkleTree> eldest) {
          return size() > KEPT;
        }
      };

  /** Builds the tree of {@code leaves} and keeps it under its root. */
  MerkleTree build(List<byte[]> leaves) {
    MerkleTree tree = MerkleTree.of(leaves);
    trees.put(ByteBuffer.wrap(tree.root()), tree);
    return tree;
  }

  /** The tree of a batch with this root and these leaves: the one kept, or a new one. */
  MerkleTree of(byte[] root, List<byte[]> leaves) {
    MerkleTree kept = trees.get(ByteBuffer.wrap(root));
    return kept != null && kept.size() == leaves.size() ? kept : MerkleTree.of(leaves);
  }
}

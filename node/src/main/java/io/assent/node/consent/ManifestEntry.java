package io.assent.node.consent;

import java.util.List;

/**
 * A valid anchored consent of a dataset, with what proves it: {@code MerkleTree.verify(leaf, proof,
 * root)} and the anchoring transaction. The consent id is the leaf.
 */
public record ManifestEntry(
    String consentId,
    String root,
    int index,
    List<String> proof,
    String txHash,
    long blockNumber,
    long validFrom,
    long validUntil,
    List<String> purposes) {

  public ManifestEntry {
    proof = List.copyOf(proof);
    purposes = List.copyOf(purposes);
  }
}

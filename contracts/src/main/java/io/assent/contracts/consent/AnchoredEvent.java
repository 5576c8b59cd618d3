package io.assent.contracts.consent;

import java.util.List;

/**
 * A decoded {@code Anchored(address indexed submitter, bytes32 indexed root, uint256 count,
 * bytes32[] withdrawn)} log. All hex is lower-case 0x-hex.
 *
 * @param submitter the account that sent the batch
 * @param root the batch's Merkle root (0x-hex 32 bytes)
 * @param count the number of leaves under the root (0 for a withdrawal-only batch)
 * @param withdrawn consent ids withdrawn in this batch, in log order
 */
public record AnchoredEvent(String submitter, String root, long count, List<String> withdrawn) {

  public AnchoredEvent {
    submitter = Hex.address("submitter", submitter);
    root = Hex.bytes32("root", root);
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    withdrawn = withdrawn.stream().map(id -> Hex.bytes32("withdrawn id", id)).toList();
  }
}

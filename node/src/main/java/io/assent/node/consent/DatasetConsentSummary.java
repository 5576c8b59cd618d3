package io.assent.node.consent;

import java.util.List;

/**
 * This node's consents for one dataset and some purposes, at one time. Every held consent is in
 * exactly one of valid (anchored, in its validity window, not withdrawn), pending (the same, not
 * anchored yet), withdrawn, expired, not yet valid, or erased; {@code total} is their sum. Erased
 * consents count for the dataset whatever their purposes were (those were shredded with them).
 *
 * @param anchors the roots under which the matching consents whose validity window covers the time
 *     are anchored (a superset of the roots of the valid ones: withdrawals are not subtracted)
 */
public record DatasetConsentSummary(
    long total,
    long valid,
    long pending,
    long withdrawn,
    long expired,
    long notYetValid,
    long erased,
    List<AnchorRef> anchors) {

  public DatasetConsentSummary {
    anchors = List.copyOf(anchors);
  }

  /** An anchoring transaction: the batch root, its transaction and block. */
  public record AnchorRef(String root, String txHash, long blockNumber) {}
}

package io.assent.node.dataset.permit;

import io.assent.node.consent.DatasetConsentSummary.AnchorRef;
import java.util.List;

/**
 * The on-chain facts a permit rests on, to check it against the chain without trusting the node:
 * the registration of every dataset of the lineage, their license changes up to the time, and the
 * consent anchor roots.
 */
public record PermitEvidence(
    List<ChainFact> registrations, List<ChainFact> licenseChanges, List<AnchorRef> anchors) {

  public PermitEvidence {
    registrations = List.copyOf(registrations);
    licenseChanges = List.copyOf(licenseChanges);
    anchors = List.copyOf(anchors);
  }

  /** A registry event of a dataset: where it is on chain ({@code license} null if none). */
  public record ChainFact(
      String dataset, String txHash, long blockNumber, int logIndex, String license) {}
}

package io.assent.node.dataset.permit;

import io.assent.node.consent.DatasetConsentSummary;
import io.assent.node.dataset.license.Verdict;
import java.util.List;
import java.util.Optional;

/** The consents' part of a permit, from this node's summary for the dataset. */
final class ConsentReasons {
  private ConsentReasons() {}

  /**
   * @param held every consent this node holds or held for the dataset, whatever its purposes
   * @return empty when the node holds no consent for the dataset (licenses alone decide)
   */
  static Optional<PermitReason> of(
      String dataset, DatasetConsentSummary s, long held, List<String> purposes, long at) {
    if (held == 0) {
      return Optional.empty();
    }
    String counts =
        "%d valid and anchored, %d valid awaiting their anchor, %d withdrawn, %d expired, %d not yet valid, %d erased, of %d consents for %s (%d for the dataset in all)"
            .formatted(
                s.valid(),
                s.pending(),
                s.withdrawn(),
                s.expired(),
                s.notYetValid(),
                s.erased(),
                s.total(),
                String.join(" or ", purposes),
                held);
    if (s.valid() + s.pending() == 0) {
      return Optional.of(
          new PermitReason(
              PermitReason.CONSENTS,
              dataset,
              null,
              Verdict.DENIED,
              List.of(),
              "no valid consents at " + at + ": " + counts));
    }
    return Optional.of(
        new PermitReason(
            PermitReason.CONSENTS,
            dataset,
            null,
            Verdict.CONDITIONAL,
            List.of(Permit.CONSENTED_SUBJECTS_ONLY),
            "only the consenting subjects' data may be used: " + counts));
  }
}

package io.assent.node.dataset.permit;

import io.assent.node.consent.DatasetConsentSummary;
import io.assent.node.consent.DatasetConsents;
import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.DatasetRecord;
import io.assent.node.dataset.Deprecation;
import io.assent.node.dataset.license.LicensePolicy;
import io.assent.node.dataset.license.UsePurpose;
import io.assent.node.dataset.license.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides permits. The licenses of the dataset and of all its ancestors (each as in force at the
 * time) combine as AND: any denied → denied (the reason names the dataset and its license); else
 * any unknown → unknown; else conditional with the union of their conditions, or allowed. Then the
 * dataset deprecated at the time → denied. Then this node's consents: when it holds consents for
 * the dataset and none that covers the purpose is valid at the time → denied; when some are valid
 * (anchored, or accepted and waiting for their anchor) an allowed or conditional answer becomes
 * conditional on {@value Permit#CONSENTED_SUBJECTS_ONLY}. Thread-safe; reads only.
 */
public final class PermitService {
  private final DatasetIndex index;
  private final LicensePolicy policy;
  private final DatasetConsents consents;
  private final LineageLicenses licenses;

  public PermitService(DatasetIndex index, LicensePolicy policy, DatasetConsents consents) {
    this.index = index;
    this.policy = policy;
    this.consents = consents;
    this.licenses = new LineageLicenses(index, policy);
  }

  /**
   * @param id the dataset id, lower-case 0x-hex
   * @param at unix seconds, 0..{@link DatasetConsents#MAX_AT}
   * @return empty if the dataset is not registered
   */
  public Optional<Permit> decide(String id, UsePurpose purpose, long at) {
    Optional<DatasetRecord> found = index.get(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    DatasetRecord record = found.get();
    LineageLicenses.Assessment assessment = licenses.assess(id, purpose, at);
    List<PermitReason> reasons = new ArrayList<>(assessment.reasons());
    Verdict decision = mostRestrictive(reasons);
    TreeSet<String> conditions = new TreeSet<>();
    reasons.forEach(r -> conditions.addAll(r.conditions()));

    Deprecation deprecation = record.deprecation();
    if (deprecation != null && deprecation.at().timestamp() <= at) {
      reasons.add(deprecated(record));
      decision = Verdict.DENIED;
    }

    List<String> consentPurposes = policy.consentPurposes(purpose);
    DatasetConsentSummary summary = consents.summary(id, consentPurposes, at);
    Optional<PermitReason> consentReason =
        ConsentReasons.of(id, summary, consents.held(id), consentPurposes, at);
    if (consentReason.isPresent()) {
      reasons.add(consentReason.get());
      if (consentReason.get().verdict() == Verdict.DENIED) {
        decision = Verdict.DENIED;
      } else if (decision == Verdict.ALLOWED || decision == Verdict.CONDITIONAL) {
        decision = Verdict.CONDITIONAL;
        conditions.add(Permit.CONSENTED_SUBJECTS_ONLY);
      }
    }
    List<String> decided = decision == Verdict.CONDITIONAL ? List.copyOf(conditions) : List.of();
    PermitEvidence evidence =
        new PermitEvidence(
            assessment.registrations(), assessment.licenseChanges(), summary.anchors());
    return Optional.of(
        new Permit(
            id, purpose, at, decision, decided, reasons, summary, consentPurposes, evidence));
  }

  private static Verdict mostRestrictive(List<PermitReason> reasons) {
    Verdict worst = Verdict.ALLOWED;
    for (PermitReason r : reasons) {
      if (r.verdict().restrictiveness() > worst.restrictiveness()) {
        worst = r.verdict();
      }
    }
    return worst;
  }

  private static PermitReason deprecated(DatasetRecord record) {
    Deprecation d = record.deprecation();
    return new PermitReason(
        PermitReason.DEPRECATED,
        record.id(),
        null,
        Verdict.DENIED,
        List.of(),
        "deprecated in tx "
            + d.at().txHash()
            + " (block "
            + d.at().blockNumber()
            + "): "
            + d.reason());
  }
}

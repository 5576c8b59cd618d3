package io.assent.node.dataset.permit;

import io.assent.node.consent.DatasetConsentSummary;
import io.assent.node.dataset.license.UsePurpose;
import io.assent.node.dataset.license.Verdict;
import java.util.List;

/**
 * Whether a dataset may be used for a purpose at a time, why, and what lets anyone check it: the
 * licenses of the dataset and of all its ancestors in force at that time, its deprecation, and this
 * node's consents for it.
 *
 * @param conditions what the user must meet when the decision is conditional (sorted); empty
 *     otherwise
 * @param reasons one per dataset of the lineage (kind {@code license}, root first), then the
 *     deprecation and the consents when they matter
 * @param consentPurposes the consent purposes (DPV terms) that count as consent to the use purpose
 */
public record Permit(
    String dataset,
    UsePurpose purpose,
    long at,
    Verdict decision,
    List<String> conditions,
    List<PermitReason> reasons,
    DatasetConsentSummary consents,
    List<String> consentPurposes,
    PermitEvidence evidence) {

  /** The condition a permit carries when only the consenting subjects' data may be used. */
  public static final String CONSENTED_SUBJECTS_ONLY = "consented-subjects-only";

  public Permit {
    conditions = List.copyOf(conditions);
    reasons = List.copyOf(reasons);
    consentPurposes = List.copyOf(consentPurposes);
  }
}

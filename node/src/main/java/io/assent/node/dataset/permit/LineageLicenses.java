package io.assent.node.dataset.permit;

import io.assent.node.dataset.DatasetHistoryEntry;
import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.DatasetRecord;
import io.assent.node.dataset.LineageDirection;
import io.assent.node.dataset.LineageGraph;
import io.assent.node.dataset.LineageNode;
import io.assent.node.dataset.license.InvalidLicenseException;
import io.assent.node.dataset.license.LicenseDecision;
import io.assent.node.dataset.license.LicenseFinding;
import io.assent.node.dataset.license.LicensePolicy;
import io.assent.node.dataset.license.SpdxExpression;
import io.assent.node.dataset.license.UsePurpose;
import io.assent.node.dataset.license.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The license reasons of a dataset and all its ancestors for one purpose at one time (each
 * dataset's license in force then, through the policy), with their registration and license-change
 * evidence.
 */
final class LineageLicenses {
  /** Deeper than any real lineage; a graph cut at this depth answers unknown. */
  static final int MAX_DEPTH = 10_000;

  private final DatasetIndex index;
  private final LicensePolicy policy;

  LineageLicenses(DatasetIndex index, LicensePolicy policy) {
    this.index = index;
    this.policy = policy;
  }

  /** What {@link #assess} found. */
  record Assessment(
      List<PermitReason> reasons,
      List<PermitEvidence.ChainFact> registrations,
      List<PermitEvidence.ChainFact> licenseChanges) {}

  Assessment assess(String id, UsePurpose purpose, long at) {
    LineageGraph graph = index.lineage(id, LineageDirection.ANCESTORS, MAX_DEPTH);
    List<PermitReason> reasons = new ArrayList<>();
    List<PermitEvidence.ChainFact> registrations = new ArrayList<>();
    List<PermitEvidence.ChainFact> changes = new ArrayList<>();
    for (LineageNode node : graph.nodes()) {
      DatasetRecord d = node.dataset();
      reasons.add(reason(d, node.depth(), purpose, at));
      registrations.add(
          new PermitEvidence.ChainFact(
              d.id(),
              d.registered().txHash(),
              d.registered().blockNumber(),
              d.registered().logIndex(),
              null));
      for (DatasetHistoryEntry e : index.history(d.id())) {
        if (e.type().equals(DatasetHistoryEntry.LICENSE_CHANGED) && e.at().timestamp() <= at) {
          changes.add(
              new PermitEvidence.ChainFact(
                  d.id(), e.at().txHash(), e.at().blockNumber(), e.at().logIndex(), e.license()));
        }
      }
    }
    if (graph.truncated()) {
      reasons.add(
          new PermitReason(
              PermitReason.LICENSE,
              id,
              null,
              Verdict.UNKNOWN,
              List.of(),
              "the lineage is deeper than "
                  + MAX_DEPTH
                  + " datasets: not all ancestors were read"));
    }
    return new Assessment(reasons, registrations, changes);
  }

  private PermitReason reason(DatasetRecord d, int depth, UsePurpose purpose, long at) {
    String where = depth == 0 ? "the dataset" : "ancestor at depth " + depth;
    Optional<String> license = index.licenseAt(d.id(), at);
    if (license.isEmpty()) {
      return new PermitReason(
          PermitReason.LICENSE,
          d.id(),
          null,
          Verdict.UNKNOWN,
          List.of(),
          where + " (" + d.name() + ") was not registered yet at " + at);
    }
    SpdxExpression expression;
    try {
      expression = SpdxExpression.parse(license.get(), policy.licenseList());
    } catch (InvalidLicenseException e) {
      return new PermitReason(
          PermitReason.LICENSE,
          d.id(),
          license.get(),
          Verdict.UNKNOWN,
          List.of(),
          where + " (" + d.name() + "): not a valid SPDX expression: " + e.getMessage());
    }
    LicenseDecision decision = policy.decide(expression, purpose);
    String findings =
        decision.findings().stream()
            .map(LineageLicenses::finding)
            .collect(Collectors.joining("; "));
    return new PermitReason(
        PermitReason.LICENSE,
        d.id(),
        expression.canonical(),
        decision.verdict(),
        List.copyOf(decision.conditions()),
        where + " (" + d.name() + " " + d.version() + "): " + findings);
  }

  private static String finding(LicenseFinding f) {
    return f.license() + " " + f.verdict().id() + " (" + f.reason() + ")";
  }
}

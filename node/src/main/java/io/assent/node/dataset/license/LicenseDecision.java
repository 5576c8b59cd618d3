package io.assent.node.dataset.license;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy's answer for a whole expression and one use purpose: the combined verdict, the
 * conditions the user must meet (sorted), and one finding per license term in expression order.
 */
public record LicenseDecision(
    Verdict verdict, Set<String> conditions, List<LicenseFinding> findings) {
  public LicenseDecision {
    conditions = Collections.unmodifiableSortedSet(new TreeSet<>(conditions));
    findings = List.copyOf(findings);
  }
}

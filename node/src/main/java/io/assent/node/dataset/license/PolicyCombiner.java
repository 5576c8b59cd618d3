package io.assent.node.dataset.license;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Combines the verdicts of an expression's licenses. {@code AND}: every part applies, so the most
 * restrictive verdict wins (denied > unknown > conditional > allowed) and the conditions of all
 * parts add up. {@code OR}: the user may choose, so the most permissive part wins (allowed >
 * conditional > unknown > denied; among conditional ones, the one with fewest conditions) and only
 * its conditions apply. A denied result carries no conditions (there is nothing to meet).
 */
final class PolicyCombiner {
  private PolicyCombiner() {}

  record Outcome(Verdict verdict, Set<String> conditions) {
    Outcome {
      conditions = verdict == Verdict.DENIED ? Set.of() : Set.copyOf(conditions);
    }
  }

  /** Evaluates {@code term}, adding one finding per license term to {@code findings} in order. */
  static Outcome evaluate(
      SpdxTerm term,
      Function<SpdxTerm.License, LicenseFinding> judge,
      List<LicenseFinding> findings) {
    return switch (term) {
      case SpdxTerm.License license -> {
        LicenseFinding finding = judge.apply(license);
        findings.add(finding);
        yield new Outcome(finding.verdict(), finding.conditions());
      }
      case SpdxTerm.And and -> all(outcomes(and.terms(), judge, findings));
      case SpdxTerm.Or or -> choice(outcomes(or.terms(), judge, findings));
    };
  }

  static Outcome all(List<Outcome> parts) {
    Verdict verdict =
        parts.stream()
            .map(Outcome::verdict)
            .max(Comparator.comparingInt(Verdict::restrictiveness))
            .orElseThrow();
    Set<String> conditions = new TreeSet<>();
    parts.forEach(p -> conditions.addAll(p.conditions()));
    return new Outcome(verdict, conditions);
  }

  static Outcome choice(List<Outcome> options) {
    return options.stream()
        .min(
            Comparator.comparingInt((Outcome o) -> o.verdict().restrictiveness())
                .thenComparingInt(o -> o.conditions().size()))
        .orElseThrow();
  }

  private static List<Outcome> outcomes(
      List<SpdxTerm> terms,
      Function<SpdxTerm.License, LicenseFinding> judge,
      List<LicenseFinding> findings) {
    List<Outcome> outcomes = new ArrayList<>();
    for (SpdxTerm term : terms) {
      outcomes.add(evaluate(term, judge, findings));
    }
    return outcomes;
  }
}

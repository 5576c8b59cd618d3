package io.assent.node.dataset.license;

import io.assent.node.dataset.license.SpdxLicenseList.LicenseInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy's answer for one license term and one purpose, with the reason: the explicit entry if
 * there is one, else every matching rule combined as {@code AND} (most restrictive wins), else
 * UNKNOWN. {@code +} and a listed {@code WITH} exception are judged as the base license (exceptions
 * grant extra permissions); a user-defined {@code AdditionRef-} adds unknown terms.
 */
final class LicenseRulings {
  private LicenseRulings() {}

  static LicenseFinding judge(
      SpdxTerm.License term,
      UsePurpose purpose,
      SpdxLicenseList list,
      Map<String, PolicyProfile> entries,
      List<PolicyRule> rules) {
    Ruling base = base(term, purpose, list, entries, rules);
    Verdict verdict = base.verdict();
    StringBuilder reason = new StringBuilder(base.note());
    if (list.isDeprecated(term.id())) {
      reason.append("; ").append(term.id()).append(" is a deprecated SPDX id");
    }
    if (term.orLater()) {
      reason.append("; '+' (this version or later) is judged as the named version");
    }
    if (term.hasCustomAddition()) {
      reason
          .append("; WITH ")
          .append(term.exception().orElseThrow())
          .append(" adds user-defined terms nobody has reviewed: unknown at best");
      verdict =
          PolicyCombiner.all(
                  List.of(
                      new PolicyCombiner.Outcome(verdict, base.conditions()),
                      new PolicyCombiner.Outcome(Verdict.UNKNOWN, Set.of())))
              .verdict();
    } else if (term.exception().isPresent()) {
      reason
          .append("; WITH ")
          .append(term.exception().get())
          .append(" only grants extra permissions: judged as the base license");
    }
    Set<String> conditions = verdict == Verdict.DENIED ? Set.of() : base.conditions();
    return new LicenseFinding(term.canonical(), verdict, conditions, reason.toString());
  }

  private static Ruling base(
      SpdxTerm.License term,
      UsePurpose purpose,
      SpdxLicenseList list,
      Map<String, PolicyProfile> entries,
      List<PolicyRule> rules) {
    if (term.isReference()) {
      return Ruling.unknown(
          term.id()
              + " is a user-defined license (LicenseRef-): its terms are"
              + " not on the SPDX list, so no policy covers them");
    }
    PolicyProfile entry = entries.get(term.id());
    if (entry != null) {
      return explained(
          entry.ruling(purpose),
          "policy entry " + term.id() + " (" + entry.name() + ": " + entry.description() + ")");
    }
    LicenseInfo info = list.info(term.id()).orElseThrow();
    List<PolicyRule> matching = rules.stream().filter(r -> r.matches(info)).toList();
    if (matching.isEmpty()) {
      return Ruling.unknown(
          "no policy entry or rule covers "
              + term.id()
              + ": nobody has reviewed it for "
              + purpose.id());
    }
    List<PolicyCombiner.Outcome> outcomes = new ArrayList<>();
    for (PolicyRule rule : matching) {
      Ruling ruling = rule.profile().ruling(purpose);
      outcomes.add(new PolicyCombiner.Outcome(ruling.verdict(), ruling.conditions()));
    }
    PolicyCombiner.Outcome combined = PolicyCombiner.all(outcomes);
    String because =
        matching.stream()
            .map(r -> r.profile().name() + " (" + r.profile().description() + ")")
            .collect(Collectors.joining(" and "));
    return new Ruling(
        combined.verdict(),
        combined.conditions(),
        "no explicit entry for " + term.id() + "; " + because);
  }

  private static Ruling explained(Ruling ruling, String source) {
    String note = ruling.note() == null ? source : source + "; " + ruling.note();
    return new Ruling(ruling.verdict(), ruling.conditions(), note);
  }
}

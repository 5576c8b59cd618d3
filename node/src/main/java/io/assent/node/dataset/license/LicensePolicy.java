package io.assent.node.dataset.license;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The purpose policy: for each SPDX license and use purpose, allowed / conditional / denied /
 * unknown, from the data file {@code dataset/license-policy.yaml} (explicit entries, then
 * documented rules; whatever neither covers is UNKNOWN, never ALLOWED). Combines the parts of an
 * expression: {@code AND} most restrictive wins (conditions united), {@code OR} the user picks the
 * most permissive, {@code WITH} and {@code +} as the base license. Immutable, thread-safe. Not
 * legal advice: a reading of the licenses kept as reviewable data.
 */
public final class LicensePolicy {
  static final String RESOURCE = "/dataset/license-policy.yaml";
  private static volatile LicensePolicy bundled;

  private final SpdxLicenseList list;
  private final Map<String, PolicyProfile> entries;
  private final List<PolicyRule> rules;
  private final Map<UsePurpose, List<String>> consentPurposes;
  private final Map<String, String> conditions;

  LicensePolicy(
      SpdxLicenseList list,
      Map<String, PolicyProfile> entries,
      List<PolicyRule> rules,
      Map<UsePurpose, List<String>> consentPurposes,
      Map<String, String> conditions) {
    this.list = list;
    this.entries = Map.copyOf(entries);
    this.rules = List.copyOf(rules);
    this.consentPurposes = new EnumMap<>(consentPurposes);
    this.conditions = Map.copyOf(conditions);
  }

  /** The policy built into the node, over {@link SpdxLicenseList#bundled()}. */
  public static LicensePolicy bundled() {
    LicensePolicy policy = bundled;
    if (policy == null) {
      synchronized (LicensePolicy.class) {
        policy = bundled;
        if (policy == null) {
          policy = loadResource(SpdxLicenseList.bundled());
          bundled = policy;
        }
      }
    }
    return policy;
  }

  /**
   * Reads a policy in the bundled file's format, checked against {@code list}.
   *
   * @throws IllegalArgumentException naming the first mistake in the data
   */
  public static LicensePolicy load(Reader yaml, SpdxLicenseList list) {
    return LicensePolicyLoader.load(yaml, list);
  }

  /** The verdict for a whole expression and one purpose, with one finding per license term. */
  public LicenseDecision decide(SpdxExpression expression, UsePurpose purpose) {
    List<LicenseFinding> findings = new ArrayList<>();
    PolicyCombiner.Outcome outcome =
        PolicyCombiner.evaluate(expression.root(), term -> finding(term, purpose), findings);
    return new LicenseDecision(outcome.verdict(), outcome.conditions(), findings);
  }

  /**
   * The DPV terms that cover {@code purpose} in a consent: a consent whose purposes include any of
   * them counts as consent to this use (e.g. {@code ai:ModelTraining}).
   */
  public List<String> consentPurposes(UsePurpose purpose) {
    return consentPurposes.get(purpose);
  }

  /** What each condition id means (attribution, share-alike, ...), for documentation and UIs. */
  public Map<String, String> conditionDescriptions() {
    return conditions;
  }

  /** The license ids that have an explicit, reviewed entry. */
  public Set<String> explicitIds() {
    return entries.keySet();
  }

  /** The profile name of the explicit entry for this id, or empty if rules or nothing cover it. */
  public Optional<String> profileOf(String licenseId) {
    return list.license(licenseId).map(entries::get).map(PolicyProfile::name);
  }

  /** The SPDX list this policy was checked against. */
  public SpdxLicenseList licenseList() {
    return list;
  }

  private LicenseFinding finding(SpdxTerm.License term, UsePurpose purpose) {
    return LicenseRulings.judge(term, purpose, list, entries, rules);
  }

  private static LicensePolicy loadResource(SpdxLicenseList list) {
    try (InputStream in = LicensePolicy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("license policy resource " + RESOURCE + " is missing");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return load(reader, list);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}

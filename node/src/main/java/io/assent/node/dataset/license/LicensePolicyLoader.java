package io.assent.node.dataset.license;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and checks the policy data ({@code dataset/license-policy.yaml}). Every mistake in the data
 * fails loudly with the place it is in: an entry naming an id the SPDX list does not have (or
 * spells differently), an id in two profiles, a profile missing a purpose, an undefined condition,
 * a rule that answers ALLOWED.
 */
final class LicensePolicyLoader {
  private final SpdxLicenseList list;
  private Map<String, String> conditions;

  private LicensePolicyLoader(SpdxLicenseList list) {
    this.list = list;
  }

  static LicensePolicy load(Reader yaml, SpdxLicenseList list) {
    Map<String, Object> root =
        map(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml), "the policy");
    return new LicensePolicyLoader(list).build(root);
  }

  private LicensePolicy build(Map<String, Object> root) {
    conditions = new LinkedHashMap<>();
    map(root.get("conditions"), "conditions").forEach((k, v) -> conditions.put(k, text(v, k)));
    Map<String, PolicyProfile> profiles = new LinkedHashMap<>();
    map(root.get("profiles"), "profiles")
        .forEach((name, body) -> profiles.put(name, profile(name, map(body, name), true)));
    Map<String, PolicyProfile> entries = new LinkedHashMap<>();
    map(root.get("licenses"), "licenses")
        .forEach((name, ids) -> addEntries(name, ids, profiles, entries));
    List<PolicyRule> rules = new ArrayList<>();
    map(root.get("rules"), "rules").forEach((name, body) -> rules.add(rule(name, map(body, name))));
    Map<UsePurpose, List<String>> consentPurposes = new EnumMap<>(UsePurpose.class);
    Map<String, Object> consent = map(root.get("consentPurposes"), "consentPurposes");
    for (UsePurpose purpose : UsePurpose.values()) {
      consentPurposes.put(
          purpose, strings(consent.get(purpose.id()), "consentPurposes." + purpose.id()));
    }
    return new LicensePolicy(list, entries, rules, consentPurposes, conditions);
  }

  private void addEntries(
      String profileName,
      Object ids,
      Map<String, PolicyProfile> profiles,
      Map<String, PolicyProfile> entries) {
    PolicyProfile profile = profiles.get(profileName);
    if (profile == null) {
      throw bad("licenses." + profileName + ": no such profile");
    }
    for (String id : strings(ids, "licenses." + profileName)) {
      Optional<String> listed = list.license(id);
      if (listed.isEmpty() || !listed.get().equals(id)) {
        throw bad(
            "licenses."
                + profileName
                + ": '"
                + id
                + "' is not an SPDX license id"
                + listed.map(l -> " (the list spells it '" + l + "')").orElse(""));
      }
      PolicyProfile previous = entries.put(id, profile);
      if (previous != null) {
        throw bad("licenses: '" + id + "' is in both " + previous.name() + " and " + profileName);
      }
    }
  }

  private PolicyRule rule(String name, Map<String, Object> body) {
    Map<String, Object> match = map(body.get("match"), name + ".match");
    Optional<Pattern> id =
        Optional.ofNullable((String) match.get("idPattern")).map(Pattern::compile);
    Optional<Pattern> named =
        Optional.ofNullable((String) match.get("namePattern"))
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE));
    Optional<Boolean> osi = Optional.ofNullable((Boolean) match.get("osiApproved"));
    if (id.isEmpty() && named.isEmpty() && osi.isEmpty()) {
      throw bad("rules." + name + ": match needs idPattern, namePattern or osiApproved");
    }
    return new PolicyRule(profile("rule " + name, body, false), id, named, osi);
  }

  private PolicyProfile profile(String name, Map<String, Object> body, boolean mayAllow) {
    Map<UsePurpose, Ruling> rulings = new EnumMap<>(UsePurpose.class);
    for (UsePurpose purpose : UsePurpose.values()) {
      String where = name + "." + purpose.id();
      Ruling ruling = ruling(body.get(purpose.id()), where);
      if (!mayAllow && ruling.verdict() == Verdict.ALLOWED) {
        throw bad(where + ": a rule may not answer allowed (only a reviewed entry may)");
      }
      rulings.put(purpose, ruling);
    }
    return new PolicyProfile(name, text(body.get("description"), name + ".description"), rulings);
  }

  /** Either a bare verdict ({@code denied}) or {@code {verdict, conditions, note}}. */
  private Ruling ruling(Object value, String where) {
    if (value instanceof String bare) {
      Verdict verdict = verdict(bare, where);
      if (verdict == Verdict.CONDITIONAL) {
        throw bad(where + ": conditional needs conditions");
      }
      return new Ruling(verdict, Set.of(), null);
    }
    Map<String, Object> body = map(value, where);
    Verdict verdict = verdict(text(body.get("verdict"), where + ".verdict"), where);
    List<String> listed =
        body.containsKey("conditions")
            ? strings(body.get("conditions"), where + ".conditions")
            : List.of();
    for (String condition : listed) {
      if (!conditions.containsKey(condition)) {
        throw bad(where + ": condition '" + condition + "' is not defined under conditions");
      }
    }
    if ((verdict == Verdict.CONDITIONAL) == listed.isEmpty()) {
      throw bad(where + ": conditional needs conditions, and only conditional has them");
    }
    return new Ruling(verdict, new HashSet<>(listed), (String) body.get("note"));
  }

  private static Verdict verdict(String id, String where) {
    return Verdict.fromId(id).orElseThrow(() -> bad(where + ": unknown verdict '" + id + "'"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      throw bad(where + ": expected a mapping");
    }
    return (Map<String, Object>) map;
  }

  private static List<String> strings(Object value, String where) {
    if (!(value instanceof List<?> items) || items.isEmpty()) {
      throw bad(where + ": expected a non-empty list");
    }
    return items.stream().map(i -> text(i, where)).toList();
  }

  private static String text(Object value, String where) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw bad(where + ": expected text");
    }
    return s.strip();
  }

  private static IllegalArgumentException bad(String problem) {
    return new IllegalArgumentException("license policy: " + problem);
  }
}

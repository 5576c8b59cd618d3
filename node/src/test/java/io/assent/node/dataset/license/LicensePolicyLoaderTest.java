package io.assent.node.dataset.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** A mistake in the policy data fails loading (and so the build), naming where it is. */
class LicensePolicyLoaderTest {
  private static final SpdxLicenseList LIST = SpdxLicenseList.bundled();

  private static final String PROFILE =
      """
      profiles:
        by:
          description: attribution
          commercial-ai-training: {verdict: conditional, conditions: [attribution]}
          non-commercial-research: allowed
          redistribution: allowed
          derivative-datasets: %s
      """;
  private static final String REST =
      """
      conditions:
        attribution: credit
      consentPurposes:
        commercial-ai-training: [ai:ModelTraining]
        non-commercial-research: [dpv:ScientificResearch]
        redistribution: [dpv:Share]
        derivative-datasets: [dpv:Derive]
      rules:
        nc:
          description: non-commercial
          match: {idPattern: "-NC-"}
          commercial-ai-training: %s
          non-commercial-research: unknown
          redistribution: unknown
          derivative-datasets: unknown
      """;

  private static LicensePolicy load(String licenses, String derivative, String ruleVerdict) {
    String yaml =
        PROFILE.formatted(derivative) + "licenses:\n" + licenses + REST.formatted(ruleVerdict);
    return LicensePolicy.load(new StringReader(yaml), LIST);
  }

  @Test
  void aValidPolicyLoads() {
    LicensePolicy policy = load("  by: [CC-BY-4.0]\n", "allowed", "denied");
    assertThat(policy.explicitIds()).containsExactly("CC-BY-4.0");
    assertThat(policy.profileOf("cc-by-4.0")).contains("by");
  }

  @Test
  void anIdNotOnTheListFails() {
    assertThatThrownBy(() -> load("  by: [CC-BY-4.1]\n", "allowed", "denied"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("license policy: licenses.by: 'CC-BY-4.1' is not an SPDX license id");
  }

  @Test
  void anIdSpelledDifferentlyFromTheListFails() {
    assertThatThrownBy(() -> load("  by: [cc-by-4.0]\n", "allowed", "denied"))
        .hasMessage(
            "license policy: licenses.by: 'cc-by-4.0' is not an SPDX license id (the list spells it 'CC-BY-4.0')");
  }

  @Test
  void anIdInTwoProfilesFails() {
    assertThatThrownBy(() -> load("  by: [MIT, MIT]\n", "allowed", "denied"))
        .hasMessage("license policy: licenses: 'MIT' is in both by and by");
  }

  @Test
  void aRuleThatAllowsFails() {
    assertThatThrownBy(() -> load("  by: [MIT]\n", "allowed", "allowed"))
        .hasMessageContaining("rule nc.commercial-ai-training: a rule may not answer allowed");
  }

  @Test
  void anUndefinedConditionOrAMissingOneFails() {
    assertThatThrownBy(
            () ->
                load(
                    "  by: [MIT]\n", "{verdict: conditional, conditions: [share-alike]}", "denied"))
        .hasMessage(
            "license policy: by.derivative-datasets: condition 'share-alike' is not defined under conditions");
    assertThatThrownBy(() -> load("  by: [MIT]\n", "conditional", "denied"))
        .hasMessage("license policy: by.derivative-datasets: conditional needs conditions");
    assertThatThrownBy(
            () -> load("  by: [MIT]\n", "{verdict: denied, conditions: [attribution]}", "denied"))
        .hasMessageContaining("only conditional has them");
  }

  @Test
  void anUnknownVerdictOrProfileFails() {
    assertThatThrownBy(() -> load("  by: [MIT]\n", "maybe", "denied"))
        .hasMessage("license policy: by.derivative-datasets: unknown verdict 'maybe'");
    assertThatThrownBy(() -> load("  nope: [MIT]\n", "allowed", "denied"))
        .hasMessage("license policy: licenses.nope: no such profile");
  }
}

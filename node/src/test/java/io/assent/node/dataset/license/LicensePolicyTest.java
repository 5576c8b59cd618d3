package io.assent.node.dataset.license;

import static io.assent.node.dataset.license.UsePurpose.COMMERCIAL_AI_TRAINING;
import static io.assent.node.dataset.license.UsePurpose.DERIVATIVE_DATASETS;
import static io.assent.node.dataset.license.UsePurpose.NON_COMMERCIAL_RESEARCH;
import static io.assent.node.dataset.license.UsePurpose.REDISTRIBUTION;
import static io.assent.node.dataset.license.Verdict.ALLOWED;
import static io.assent.node.dataset.license.Verdict.CONDITIONAL;
import static io.assent.node.dataset.license.Verdict.DENIED;
import static io.assent.node.dataset.license.Verdict.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LicensePolicyTest {
  private static final SpdxLicenseList LIST = SpdxLicenseList.bundled();
  private static final LicensePolicy POLICY = LicensePolicy.bundled();

  private static LicenseDecision decide(String expression, UsePurpose purpose) {
    try {
      return POLICY.decide(SpdxExpression.parse(expression, LIST), purpose);
    } catch (InvalidLicenseException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> ids(String regex) {
    Pattern pattern = Pattern.compile(regex);
    List<String> ids = LIST.licenseIds().stream().filter(id -> pattern.matcher(id).find()).toList();
    assertThat(ids).as("ids matching " + regex).isNotEmpty();
    return ids;
  }

  @Test
  void everyListedLicenseGetsADecisionForEveryPurposeAndOnlyReviewedEntriesAllow() {
    int allowed = 0;
    for (String id : LIST.licenseIds()) {
      for (UsePurpose purpose : UsePurpose.values()) {
        LicenseDecision decision = decide(id, purpose);
        assertThat(decision.findings())
            .singleElement()
            .satisfies(
                f -> {
                  assertThat(f.license()).isEqualTo(id);
                  assertThat(f.reason()).isNotBlank();
                });
        if (decision.verdict() == ALLOWED) {
          assertThat(POLICY.explicitIds()).as(id + " allowed without an entry").contains(id);
          allowed++;
        }
        if (decision.verdict() == CONDITIONAL) {
          assertThat(decision.conditions()).as(id + " conditional without conditions").isNotEmpty();
        }
      }
    }
    assertThat(allowed).isPositive();
  }

  @Test
  void theEntriesCoverTheLicensesDatasetsUse() {
    assertThat(POLICY.explicitIds())
        .containsAll(ids("^CC-BY-(NC-|SA-|ND-|NC-SA-|NC-ND-)?\\d"))
        .contains("CC0-1.0", "ODbL-1.0", "ODC-By-1.0", "PDDL-1.0")
        .contains("CDLA-Permissive-1.0", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0")
        .contains("MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "MPL-2.0", "0BSD")
        .contains("Unlicense", "GPL-3.0-only", "LGPL-2.1-or-later", "AGPL-3.0-or-later");
  }

  @Test
  void nonCommercialLicensesDenyCommercialTraining() {
    for (String id : ids("-NC-")) {
      LicenseDecision decision = decide(id, COMMERCIAL_AI_TRAINING);
      assertThat(decision.verdict()).as(id).isEqualTo(DENIED);
      assertThat(decision.conditions()).isEmpty();
      assertThat(decide(id, NON_COMMERCIAL_RESEARCH).conditions())
          .as(id)
          .contains("non-commercial-only");
    }
  }

  @Test
  void shareAlikeLicensesAreConditionalShareAlikeForDerivatives() {
    for (String id : ids("^CC-(BY-)?(NC-)?SA-")) {
      LicenseDecision decision = decide(id, DERIVATIVE_DATASETS);
      assertThat(decision.verdict()).as(id).isEqualTo(CONDITIONAL);
      assertThat(decision.conditions()).as(id).contains("share-alike");
    }
    assertThat(decide("ODbL-1.0", DERIVATIVE_DATASETS).conditions()).contains("share-alike");
    assertThat(decide("CDLA-Sharing-1.0", DERIVATIVE_DATASETS).conditions())
        .contains("share-alike");
  }

  @Test
  void noDerivativesLicensesDenyDerivativeDatasets() {
    for (String id : ids("-ND-")) {
      assertThat(decide(id, DERIVATIVE_DATASETS).verdict()).as(id).isEqualTo(DENIED);
      assertThat(decide(id, REDISTRIBUTION).conditions()).as(id).contains("verbatim-only");
    }
  }

  @Test
  void attributionAndPublicDomainLicenses() {
    for (UsePurpose purpose : UsePurpose.values()) {
      assertThat(decide("CC0-1.0", purpose).verdict()).isEqualTo(ALLOWED);
      LicenseDecision byFour = decide("CC-BY-4.0", purpose);
      assertThat(byFour.verdict()).isEqualTo(CONDITIONAL);
      assertThat(byFour.conditions()).containsExactly("attribution", "notice");
    }
    assertThat(decide("CDLA-Permissive-2.0", COMMERCIAL_AI_TRAINING).verdict()).isEqualTo(ALLOWED);
    assertThat(decide("GPL-3.0-only", COMMERCIAL_AI_TRAINING).conditions())
        .containsExactly("notice", "share-alike", "source");
  }

  @ParameterizedTest
  @EnumSource(UsePurpose.class)
  void userDefinedLicensesAreUnknown(UsePurpose purpose) {
    for (String ref : List.of("LicenseRef-acme", "DocumentRef-x:LicenseRef-y")) {
      LicenseDecision decision = decide(ref, purpose);
      assertThat(decision.verdict()).isEqualTo(UNKNOWN);
      assertThat(decision.findings().get(0).reason()).contains("user-defined");
    }
    assertThat(decide("MIT WITH AdditionRef-acme", purpose).verdict()).isEqualTo(UNKNOWN);
  }

  @Test
  void licensesNoEntryOrRuleCoversAreUnknown() {
    // Beerware: not OSI-approved, no entry, no rule.
    LicenseDecision decision = decide("Beerware", COMMERCIAL_AI_TRAINING);
    assertThat(decision.verdict()).isEqualTo(UNKNOWN);
    assertThat(decision.findings().get(0).reason())
        .contains("no policy entry or rule covers Beerware");
  }

  @Test
  void osiApprovedLicensesWithoutAnEntryAreNeverDeniedButNeedTheirTermsRead() {
    // Artistic-2.0 is OSI-approved and has no explicit entry.
    assertThat(POLICY.explicitIds()).doesNotContain("Artistic-2.0");
    for (UsePurpose purpose : UsePurpose.values()) {
      LicenseDecision decision = decide("Artistic-2.0", purpose);
      assertThat(decision.verdict()).isEqualTo(CONDITIONAL);
      assertThat(decision.conditions()).contains("license-terms");
      assertThat(decision.findings().get(0).reason()).contains("osi-approved");
    }
  }

  @Test
  void rulesCombineAsAnd() {
    // OSI-approved and named a public license with copyleft: both rules apply.
    assertThat(LIST.info("Sleepycat").orElseThrow().osiApproved()).isTrue();
    LicenseDecision decision = decide("Sleepycat", DERIVATIVE_DATASETS);
    assertThat(decision.verdict()).isEqualTo(CONDITIONAL);
    assertThat(decision.conditions()).contains("share-alike", "license-terms", "notice");
  }

  @Test
  void andIsTheMostRestrictiveAndUnitesConditions() {
    LicenseDecision denied = decide("CC-BY-4.0 AND CC-BY-NC-4.0", COMMERCIAL_AI_TRAINING);
    assertThat(denied.verdict()).isEqualTo(DENIED);
    assertThat(denied.conditions()).isEmpty();
    assertThat(denied.findings())
        .extracting(LicenseFinding::license, LicenseFinding::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CC-BY-4.0", CONDITIONAL),
            org.assertj.core.groups.Tuple.tuple("CC-BY-NC-4.0", DENIED));
    LicenseDecision united = decide("CC-BY-4.0 AND CC-BY-SA-4.0 AND CC0-1.0", DERIVATIVE_DATASETS);
    assertThat(united.verdict()).isEqualTo(CONDITIONAL);
    assertThat(united.conditions()).containsExactly("attribution", "notice", "share-alike");
    assertThat(decide("MIT AND LicenseRef-x", REDISTRIBUTION).verdict()).isEqualTo(UNKNOWN);
    assertThat(decide("CC-BY-NC-4.0 AND LicenseRef-x", COMMERCIAL_AI_TRAINING).verdict())
        .isEqualTo(DENIED);
  }

  @Test
  void orIsTheMostPermissiveChoice() {
    LicenseDecision choice = decide("CC-BY-NC-4.0 OR MIT", COMMERCIAL_AI_TRAINING);
    assertThat(choice.verdict()).isEqualTo(CONDITIONAL);
    assertThat(choice.conditions()).containsExactly("attribution", "notice");
    assertThat(choice.findings()).hasSize(2);
    assertThat(decide("CC0-1.0 OR CC-BY-4.0", REDISTRIBUTION).verdict()).isEqualTo(ALLOWED);
    assertThat(decide("LicenseRef-x OR CC-BY-NC-4.0", COMMERCIAL_AI_TRAINING).verdict())
        .isEqualTo(UNKNOWN);
    // Among conditional options, the one with fewer conditions.
    assertThat(decide("CC-BY-SA-4.0 OR CC-BY-4.0", DERIVATIVE_DATASETS).conditions())
        .containsExactly("attribution", "notice");
    // AND inside OR: (NC AND BY) is denied, so the GPL option is the choice.
    LicenseDecision nested =
        decide("CC-BY-NC-4.0 AND CC-BY-4.0 OR GPL-3.0-or-later", COMMERCIAL_AI_TRAINING);
    assertThat(nested.verdict()).isEqualTo(CONDITIONAL);
    assertThat(nested.conditions()).containsExactly("notice", "share-alike", "source");
  }

  @Test
  void withAndPlusAreJudgedAsTheBaseLicense() {
    for (UsePurpose purpose : UsePurpose.values()) {
      LicenseDecision base = decide("GPL-2.0-only", purpose);
      LicenseDecision with = decide("GPL-2.0-only WITH Classpath-exception-2.0", purpose);
      assertThat(with.verdict()).isEqualTo(base.verdict());
      assertThat(with.conditions()).isEqualTo(base.conditions());
      assertThat(with.findings().get(0).reason()).contains("Classpath-exception-2.0");
      LicenseDecision plus = decide("CC-BY-SA-3.0+", purpose);
      assertThat(plus.verdict()).isEqualTo(decide("CC-BY-SA-3.0", purpose).verdict());
      assertThat(plus.conditions()).isEqualTo(decide("CC-BY-SA-3.0", purpose).conditions());
      assertThat(plus.findings().get(0).license()).isEqualTo("CC-BY-SA-3.0+");
    }
  }

  @Test
  void deprecatedIdsAreJudgedAndFlagged() {
    LicenseDecision decision = decide("GPL-2.0", REDISTRIBUTION);
    assertThat(decision.verdict()).isEqualTo(decide("GPL-2.0-only", REDISTRIBUTION).verdict());
    assertThat(decision.findings().get(0).reason()).contains("deprecated");
  }

  @Test
  void findingsSayWhichEntryGaveTheVerdictAndWhy() {
    LicenseFinding finding = decide("CC-BY-NC-SA-4.0", COMMERCIAL_AI_TRAINING).findings().get(0);
    assertThat(finding.verdict()).isEqualTo(DENIED);
    assertThat(finding.reason())
        .contains(
            "policy entry CC-BY-NC-SA-4.0", "non-commercial-share-alike", "commercial advantage");
  }

  @Test
  void consentPurposesNameDpvTermsForEveryUsePurpose() {
    assertThat(POLICY.consentPurposes(COMMERCIAL_AI_TRAINING)).containsExactly("ai:ModelTraining");
    assertThat(POLICY.consentPurposes(NON_COMMERCIAL_RESEARCH)).contains("dpv:ScientificResearch");
    for (UsePurpose purpose : UsePurpose.values()) {
      assertThat(POLICY.consentPurposes(purpose))
          .isNotEmpty()
          .allMatch(t -> t.matches("(dpv|ai):[A-Z]\\w+"));
    }
  }

  @Test
  void purposeAndVerdictIdsAreStable() {
    assertThat(UsePurpose.values())
        .extracting(UsePurpose::id)
        .containsExactly(
            "commercial-ai-training",
            "non-commercial-research",
            "redistribution",
            "derivative-datasets");
    assertThat(UsePurpose.fromId("redistribution")).contains(REDISTRIBUTION);
    assertThat(UsePurpose.fromId("Redistribution")).isEmpty();
    assertThat(Verdict.values())
        .extracting(Verdict::id)
        .containsExactly("allowed", "conditional", "denied", "unknown");
    assertThat(Verdict.fromId("denied")).contains(DENIED);
  }
}

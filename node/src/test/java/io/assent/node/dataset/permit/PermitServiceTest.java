package io.assent.node.dataset.permit;

import static io.assent.node.dataset.license.UsePurpose.COMMERCIAL_AI_TRAINING;
import static io.assent.node.dataset.license.UsePurpose.NON_COMMERCIAL_RESEARCH;
import static io.assent.node.dataset.permit.PermitFixture.CURATOR;
import static io.assent.node.dataset.permit.PermitFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.dataset.license.UsePurpose;
import io.assent.node.dataset.license.Verdict;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PermitServiceTest {
  private static final String TRAINING = "ai:ModelTraining";
  private static final long DAY = 86_400;
  private final PermitFixture f = new PermitFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private Permit permit(String id, UsePurpose purpose, long at) {
    return f.permits.decide(id, purpose, at).orElseThrow();
  }

  @Test
  void aNonCommercialAncestorDeniesCommercialTrainingAndIsNamed() {
    String grandparent = f.registry.register(T0, CURATOR, "web-crawl", "CC-BY-NC-4.0");
    String parent = f.registry.register(T0 + 10, CURATOR, "filtered", "CC-BY-4.0", grandparent);
    String child = f.registry.register(T0 + 20, CURATOR, "tokenized", "CC0-1.0", parent);

    Permit p = permit(child, COMMERCIAL_AI_TRAINING, T0 + 30);

    assertThat(p.decision()).isEqualTo(Verdict.DENIED);
    assertThat(p.conditions()).isEmpty();
    assertThat(p.reasons())
        .filteredOn(r -> r.verdict() == Verdict.DENIED)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(PermitReason.LICENSE);
              assertThat(r.dataset()).isEqualTo(grandparent);
              assertThat(r.license()).isEqualTo("CC-BY-NC-4.0");
              assertThat(r.detail()).contains("ancestor at depth 2", "web-crawl");
            });
    assertThat(p.reasons())
        .extracting(PermitReason::dataset)
        .containsExactly(child, parent, grandparent);
    assertThat(p.evidence().registrations())
        .extracting(PermitEvidence.ChainFact::dataset)
        .containsExactly(child, parent, grandparent);
    assertThat(p.evidence().registrations().get(2).txHash()).isEqualTo(RegistryLogs.txHash(11));

    Permit research = permit(child, NON_COMMERCIAL_RESEARCH, T0 + 30);
    assertThat(research.decision()).isEqualTo(Verdict.CONDITIONAL);
    assertThat(research.conditions()).contains("attribution", "non-commercial-only");
  }

  @Test
  void expressionsCombineAsWrittenAndLicensesAcrossTheLineageAsAnd() {
    String cdla = f.registry.register(T0, CURATOR, "a", "CDLA-Permissive-2.0");
    assertThat(permit(cdla, COMMERCIAL_AI_TRAINING, T0).decision()).isEqualTo(Verdict.ALLOWED);

    String or = f.registry.register(T0, CURATOR, "b", "CC-BY-NC-4.0 OR CDLA-Permissive-2.0", cdla);
    assertThat(permit(or, COMMERCIAL_AI_TRAINING, T0).decision())
        .as("OR: the user picks the permissive one")
        .isEqualTo(Verdict.ALLOWED);

    String and = f.registry.register(T0, CURATOR, "c", "CC-BY-4.0 AND CC-BY-NC-4.0");
    assertThat(permit(and, COMMERCIAL_AI_TRAINING, T0).decision()).isEqualTo(Verdict.DENIED);

    String sa = f.registry.register(T0, CURATOR, "d", "CC-BY-SA-4.0", or);
    Permit conditional = permit(sa, COMMERCIAL_AI_TRAINING, T0);
    assertThat(conditional.decision()).isEqualTo(Verdict.CONDITIONAL);
    assertThat(conditional.conditions()).containsExactly("attribution", "notice", "share-alike");
  }

  @Test
  void aCustomUnknownOrMalformedLicenseAnywhereAnswersUnknownNeverAllowed() {
    String custom = f.registry.register(T0, CURATOR, "custom", "LicenseRef-Acme-Data-1.0");
    String child = f.registry.register(T0, CURATOR, "child", "CDLA-Permissive-2.0", custom);
    Permit p = permit(child, COMMERCIAL_AI_TRAINING, T0);
    assertThat(p.decision()).isEqualTo(Verdict.UNKNOWN);
    assertThat(p.reasons())
        .filteredOn(r -> r.verdict() == Verdict.UNKNOWN)
        .extracting(PermitReason::dataset)
        .containsExactly(custom);

    String malformed = f.registry.register(T0, CURATOR, "bad", "MIT AND (");
    Permit bad = permit(malformed, COMMERCIAL_AI_TRAINING, T0);
    assertThat(bad.decision()).isEqualTo(Verdict.UNKNOWN);
    assertThat(bad.reasons().get(0).detail()).contains("not a valid SPDX expression");

    String deniedToo = f.registry.register(T0, CURATOR, "nc", "CC-BY-NC-4.0", custom);
    assertThat(permit(deniedToo, COMMERCIAL_AI_TRAINING, T0).decision())
        .as("denied outweighs unknown")
        .isEqualTo(Verdict.DENIED);
  }

  @Test
  void aDeprecatedDatasetIsDeniedFromItsDeprecationOn() {
    String id = f.registry.register(T0, CURATOR, "old", "CC0-1.0");
    f.registry.deprecate(T0 + 100, id, CURATOR, "contains unlicensed images");

    assertThat(permit(id, COMMERCIAL_AI_TRAINING, T0 + 99).decision()).isEqualTo(Verdict.ALLOWED);
    Permit after = permit(id, COMMERCIAL_AI_TRAINING, T0 + 100);
    assertThat(after.decision()).isEqualTo(Verdict.DENIED);
    assertThat(after.reasons())
        .filteredOn(r -> r.kind().equals(PermitReason.DEPRECATED))
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).contains("contains unlicensed images"));
  }

  @Test
  void theLicenseInForceAtTheTimeDecidesAndItsChangeIsEvidence() {
    String id = f.registry.register(T0, CURATOR, "relicensed", "CC-BY-NC-4.0");
    f.registry.changeLicense(T0 + 500, id, CURATOR, "CC0-1.0");

    Permit before = permit(id, COMMERCIAL_AI_TRAINING, T0 + 499);
    assertThat(before.decision()).isEqualTo(Verdict.DENIED);
    assertThat(before.evidence().licenseChanges()).isEmpty();
    Permit after = permit(id, COMMERCIAL_AI_TRAINING, T0 + 500);
    assertThat(after.decision()).isEqualTo(Verdict.ALLOWED);
    assertThat(after.evidence().licenseChanges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.license()).isEqualTo("CC0-1.0");
              assertThat(c.txHash()).isEqualTo(RegistryLogs.txHash(f.registry.lastBlock()));
            });
    assertThat(permit(id, COMMERCIAL_AI_TRAINING, T0 - 1).decision())
        .as("not registered yet")
        .isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void validConsentsMakeItConditionalOnTheConsentingSubjects() {
    String id = f.registry.register(T0, CURATOR, "faces", "CC0-1.0");
    f.consent(id, List.of(TRAINING), T0, T0 + DAY);
    f.consent(id, List.of(TRAINING, "dpv:ScientificResearch"), T0, 0);
    f.anchoring.anchorQueued();

    Permit p = permit(id, COMMERCIAL_AI_TRAINING, T0 + 10);

    assertThat(p.decision()).isEqualTo(Verdict.CONDITIONAL);
    assertThat(p.conditions()).containsExactly(Permit.CONSENTED_SUBJECTS_ONLY);
    assertThat(p.consents().valid()).isEqualTo(2);
    assertThat(p.consentPurposes()).containsExactly(TRAINING);
    assertThat(p.evidence().anchors()).hasSize(1);
    assertThat(p.reasons())
        .filteredOn(r -> r.kind().equals(PermitReason.CONSENTS))
        .singleElement()
        .satisfies(r -> assertThat(r.verdict()).isEqualTo(Verdict.CONDITIONAL));
  }

  @Test
  void noValidConsentDeniesExpiryAndWithdrawalIncluded() {
    String id = f.registry.register(T0, CURATOR, "voices", "CC0-1.0");
    String expiring = f.consent(id, List.of(TRAINING), T0, T0 + 100);
    String withdrawn = f.consent(id, List.of(TRAINING), T0, 0);
    f.consent(id, List.of("dpv:Marketing"), T0, 0);
    f.anchoring.anchorQueued();
    f.clock.set(T0 + 200);
    f.withdraw(1, withdrawn);

    assertThat(permit(id, COMMERCIAL_AI_TRAINING, T0 + 50).decision())
        .isEqualTo(Verdict.CONDITIONAL);
    Permit p = permit(id, COMMERCIAL_AI_TRAINING, T0 + 200);
    assertThat(p.decision()).isEqualTo(Verdict.DENIED);
    assertThat(p.consents().expired()).isEqualTo(1);
    assertThat(p.consents().withdrawn()).isEqualTo(1);
    assertThat(p.consents().total()).as("the marketing consent does not count").isEqualTo(2);
    assertThat(p.reasons())
        .filteredOn(r -> r.kind().equals(PermitReason.CONSENTS))
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).startsWith("no valid consents"));
    assertThat(permit(id, NON_COMMERCIAL_RESEARCH, T0 + 200).decision())
        .as("consents held, none for research")
        .isEqualTo(Verdict.DENIED);
    assertThat(expiring).isNotEqualTo(withdrawn);
  }

  @Test
  void pendingConsentsCountAsValidButCarryNoAnchor() {
    String id = f.registry.register(T0, CURATOR, "texts", "CC0-1.0");
    f.consent(id, List.of(TRAINING), T0, 0);
    Permit p = permit(id, COMMERCIAL_AI_TRAINING, T0 + 1);
    assertThat(p.decision()).isEqualTo(Verdict.CONDITIONAL);
    assertThat(p.consents().pending()).isEqualTo(1);
    assertThat(p.consents().valid()).isZero();
    assertThat(p.evidence().anchors()).isEmpty();
  }

  @Test
  void anUnregisteredDatasetHasNoPermit() {
    assertThat(f.permits.decide("0x" + "00".repeat(32), COMMERCIAL_AI_TRAINING, T0)).isEmpty();
  }
}

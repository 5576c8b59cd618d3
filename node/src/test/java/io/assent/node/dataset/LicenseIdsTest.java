package io.assent.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.dataset.license.SpdxLicenseList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseIdsTest {

  @Test
  void validExpressionsGiveTheParsersIdsLowerCased() {
    assertThat(LicenseIds.of("(Apache-2.0 OR mit) AND CC-BY-4.0"))
        .containsExactly("apache-2.0", "cc-by-4.0", "mit");
    assertThat(LicenseIds.of("GPL-2.0-only+ WITH Classpath-exception-2.0"))
        .containsExactly("gpl-2.0-only");
    assertThat(LicenseIds.of("LicenseRef-Custom-1 AND ODbL-1.0"))
        .containsExactly("licenseref-custom-1", "odbl-1.0");
  }

  @Test
  void theFallbackAgreesWithTheParserOnValidExpressions() {
    for (String expression :
        List.of(
            "MIT",
            "mit OR Apache-2.0",
            "(CC-BY-4.0 AND ODbL-1.0) OR CDLA-Permissive-2.0",
            "GPL-2.0-or-later WITH Classpath-exception-2.0 AND LicenseRef-x")) {
      assertThat(new SpdxLicenseCheck(SpdxLicenseList.bundled()).isValid(expression)).isTrue();
      assertThat(LicenseIds.tokens(expression)).isEqualTo(LicenseIds.of(expression));
    }
  }

  @Test
  void malformedExpressionsAreStillIndexedByTheirOperands() {
    SpdxLicenseCheck check = new SpdxLicenseCheck(SpdxLicenseList.bundled());
    assertThat(check.problem("MIT AND (")).isPresent();
    assertThat(check.problem("No-Such-License-9")).get().asString().contains("No-Such-License-9");
    assertThat(LicenseIds.of("MIT AND (")).containsExactly("mit");
    assertThat(LicenseIds.of("No-Such-License-9 or MIT"))
        .containsExactly("mit", "no-such-license-9");
    assertThat(LicenseIds.of("")).isEmpty();
  }
}

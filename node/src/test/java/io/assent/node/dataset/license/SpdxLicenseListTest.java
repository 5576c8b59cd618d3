package io.assent.node.dataset.license;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpdxLicenseListTest {
  private final SpdxLicenseList list = SpdxLicenseList.bundled();

  @Test
  void bundledListHasHundredsOfLicensesAndDozensOfExceptions() {
    // Guards against an empty or truncated copy from node_modules.
    assertThat(list.licenseIds()).hasSizeGreaterThan(600);
    assertThat(list.exceptionIds()).hasSizeGreaterThan(50);
    assertThat(list.licenseIds()).contains("MIT", "Apache-2.0", "CC-BY-4.0", "CC0-1.0", "ODbL-1.0");
  }

  @Test
  void versionNamesThePinnedPackages() {
    assertThat(list.version())
        .isEqualTo("spdx-license-list@6.12.0+spdx-license-ids@3.0.24+spdx-exceptions@2.5.0");
  }

  @Test
  void idsAreMatchedIgnoringCaseAndAnsweredInTheListSpelling() {
    assertThat(list.license("mit")).contains("MIT");
    assertThat(list.license("APACHE-2.0")).contains("Apache-2.0");
    assertThat(list.license("cc-by-nc-sa-4.0")).contains("CC-BY-NC-SA-4.0");
    assertThat(list.exception("classpath-exception-2.0")).contains("Classpath-exception-2.0");
    assertThat(list.license("MIT2")).isEmpty();
    assertThat(list.license("Classpath-exception-2.0")).isEmpty();
    assertThat(list.exception("MIT")).isEmpty();
  }

  @Test
  void deprecatedIdsAreKnownAndFlagged() {
    assertThat(list.license("GPL-2.0")).contains("GPL-2.0");
    assertThat(list.isDeprecated("gpl-2.0")).isTrue();
    assertThat(list.isDeprecated("GPL-2.0-only")).isFalse();
    assertThat(list.isDeprecatedException("Nokia-Qt-exception-1.1")).isTrue();
    assertThat(list.isDeprecatedException("LLVM-exception")).isFalse();
  }

  @Test
  void plusSpellingsAreNotIdsButTheOperatorOnADeprecatedId() {
    // spdx-license-list carries "GPL-2.0+" as an entry; an SPDX idstring has no '+'.
    assertThat(list.license("GPL-2.0+")).isEmpty();
    assertThat(list.licenseIds()).noneMatch(id -> id.contains("+"));
  }

  @Test
  void idsFromEitherPackageAreKnownWithNamesAndOsiFlagsWhereListed() {
    assertThat(list.info("MIT").orElseThrow().osiApproved()).isTrue();
    assertThat(list.info("CC-BY-4.0").orElseThrow().osiApproved()).isFalse();
    assertThat(list.info("CC-BY-4.0").orElseThrow().name())
        .isEqualTo("Creative Commons Attribution 4.0 International");
    // In spdx-license-ids 3.0.24 but not in spdx-license-list 6.12.0: still a valid id.
    assertThat(list.license("CC-BY-NC-3.0-IGO")).contains("CC-BY-NC-3.0-IGO");
  }
}

package io.assent.cli.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.cli.CliException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** License values of Croissant files and of --license, as the CLI turns them into SPDX. */
class SpdxLicensesTest {

  @ParameterizedTest
  @CsvSource({
    "https://spdx.org/licenses/CC-BY-4.0.html, CC-BY-4.0",
    "https://spdx.org/licenses/MIT, MIT",
    "http://spdx.org/licenses/Apache-2.0.html#licenseText, Apache-2.0",
    "https://spdx.org/licenses/ODbL-1.0.json, ODbL-1.0",
    "https://spdx.org/licenses/LicenseRef-harbour/, LicenseRef-harbour",
    "https://creativecommons.org/licenses/by/4.0/, CC-BY-4.0",
    "https://creativecommons.org/licenses/by-nc-sa/3.0/legalcode, CC-BY-NC-SA-3.0",
    "http://creativecommons.org/licenses/by-nd/2.5, CC-BY-ND-2.5",
    "https://creativecommons.org/publicdomain/zero/1.0/, CC0-1.0",
    "CDLA-Permissive-2.0, CDLA-Permissive-2.0",
    "'  MIT OR Apache-2.0 ', MIT OR Apache-2.0",
    "GPL-2.0-or-later WITH Classpath-exception-2.0, GPL-2.0-or-later WITH Classpath-exception-2.0",
    "'(MIT AND BSD-3-Clause) OR GPL-2.0+', (MIT AND BSD-3-Clause) OR GPL-2.0+",
  })
  void croissantLicenseValuesBecomeSpdx(String value, String spdx) {
    assertThat(SpdxLicenses.fromCroissant(value)).isEqualTo(spdx);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/terms-of-use",
        "https://creativecommons.org/licenses/by/3.0/de/",
        "https://choosealicense.com/licenses/mit/"
      })
  void otherUrlsAreRefusedWithTheFlagToUse(String value) {
    assertThatThrownBy(() -> SpdxLicenses.fromCroissant(value))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("is not an SPDX license URL")
        .hasMessageContaining("--license")
        .extracting(e -> ((CliException) e).code())
        .isEqualTo("invalidCroissant");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Creative Commons Attribution | 'Creative' and 'Commons' need AND, OR or WITH",
        "MIT AND | ends where a license id",
        "(MIT OR Apache-2.0 | '(' is not closed",
        "MIT) | unexpected ')'",
        "MIT WITH | WITH needs an exception id",
        "AND MIT | 'AND' is not a license id",
        "CC BY 4.0 | need AND, OR or WITH",
        "MIT/X11 | 'MIT/X11' is not a license id",
      })
  void malformedExpressionsAreRefusedWithTheProblem(String expression, String problem) {
    assertThatThrownBy(() -> SpdxLicenses.checked(expression, "--license"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("--license is not an SPDX license expression")
        .hasMessageContaining(problem)
        .extracting(e -> ((CliException) e).code())
        .isEqualTo("invalidLicense");
  }

  @Test
  void anEmptyExpressionIsRefused() {
    assertThatThrownBy(() -> SpdxLicenses.checked("  ", "--license"))
        .hasMessageContaining("it is empty");
  }

  @Test
  void severalLicensesMeanAllOfThem() {
    assertThat(SpdxLicenses.all(List.of("CC-BY-4.0"))).isEqualTo("CC-BY-4.0");
    assertThat(SpdxLicenses.all(List.of("CC-BY-4.0", "MIT OR Apache-2.0", "CC-BY-4.0")))
        .isEqualTo("CC-BY-4.0 AND (MIT OR Apache-2.0)");
  }
}

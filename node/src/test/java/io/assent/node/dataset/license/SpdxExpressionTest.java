package io.assent.node.dataset.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.dataset.license.SpdxTerm.And;
import io.assent.node.dataset.license.SpdxTerm.License;
import io.assent.node.dataset.license.SpdxTerm.Or;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxExpressionTest {
  private static final SpdxLicenseList LIST = SpdxLicenseList.bundled();

  private static SpdxExpression parse(String text) throws InvalidLicenseException {
    return SpdxExpression.parse(text, LIST);
  }

  private static License license(String id) {
    return new License(id, false, Optional.empty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "MIT | MIT",
        "mit | MIT",
        "mit and apache-2.0 | MIT AND Apache-2.0",
        "MIT or ISC | MIT OR ISC",
        "MIT OR Apache-2.0 AND BSD-3-Clause | MIT OR Apache-2.0 AND BSD-3-Clause",
        "(MIT OR Apache-2.0) AND BSD-3-Clause | (MIT OR Apache-2.0) AND BSD-3-Clause",
        "((MIT)) | MIT",
        "MIT AND (Apache-2.0 AND ISC) | MIT AND Apache-2.0 AND ISC",
        "(MIT OR ISC) OR 0BSD | MIT OR ISC OR 0BSD",
        "MIT AND(ISC)|MIT AND ISC",
        "  CC-BY-4.0\tOR  cc0-1.0  | CC-BY-4.0 OR CC0-1.0",
        "gpl-2.0-or-later with classpath-exception-2.0 | GPL-2.0-or-later WITH Classpath-exception-2.0",
        "GPL-2.0+ | GPL-2.0+",
        "cc-by-sa-3.0+ OR mit | CC-BY-SA-3.0+ OR MIT",
        "LicenseRef-acme-data-1 | LicenseRef-acme-data-1",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2 | DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "MIT WITH AdditionRef-acme-extra | MIT WITH AdditionRef-acme-extra",
      })
  void acceptsValidExpressionsAndSpellsThemCanonically(String text, String canonical)
      throws Exception {
    assertThat(parse(text).canonical()).isEqualTo(canonical);
    // The canonical spelling parses back to itself.
    assertThat(parse(canonical).canonical()).isEqualTo(canonical);
  }

  @Test
  void andBindsTighterThanOr() throws Exception {
    assertThat(parse("MIT OR Apache-2.0 AND BSD-3-Clause").root())
        .isEqualTo(
            new Or(
                List.of(
                    license("MIT"),
                    new And(List.of(license("Apache-2.0"), license("BSD-3-Clause"))))));
    assertThat(parse("(MIT OR Apache-2.0) AND BSD-3-Clause").root())
        .isEqualTo(
            new And(
                List.of(
                    new Or(List.of(license("MIT"), license("Apache-2.0"))),
                    license("BSD-3-Clause"))));
  }

  @Test
  void withBindsTighterThanAnd() throws Exception {
    assertThat(parse("MIT AND GPL-2.0-only WITH Classpath-exception-2.0").root())
        .isEqualTo(
            new And(
                List.of(
                    license("MIT"),
                    new License("GPL-2.0-only", false, Optional.of("Classpath-exception-2.0")))));
  }

  @Test
  void plusIsKeptOnTheLicenseAndDeprecatedIdsAreFlagged() throws Exception {
    SpdxExpression expression = parse("gpl-2.0+ WITH classpath-exception-2.0 OR MIT");
    assertThat(expression.root())
        .isEqualTo(
            new Or(
                List.of(
                    new License("GPL-2.0", true, Optional.of("Classpath-exception-2.0")),
                    license("MIT"))));
    assertThat(expression.deprecatedIds()).containsExactly("GPL-2.0");
    assertThat(parse("GPL-2.0-only").deprecatedIds()).isEmpty();
  }

  @Test
  void licenseIdsListLicensesAndReferencesButNotExceptions() throws Exception {
    SpdxExpression expression =
        parse("(GPL-2.0-only WITH Classpath-exception-2.0 OR LicenseRef-x) AND mit AND MIT");
    assertThat(expression.licenseIds()).containsExactly("GPL-2.0-only", "LicenseRef-x", "MIT");
    assertThat(expression.exceptionIds()).containsExactly("Classpath-exception-2.0");
  }

  @Test
  void licenseReferencesAreRecognised() throws Exception {
    License reference = (License) parse("DocumentRef-a:LicenseRef-b").root();
    assertThat(reference.isReference()).isTrue();
    assertThat(((License) parse("MIT").root()).isReference()).isFalse();
    assertThat(((License) parse("MIT WITH AdditionRef-y").root()).hasCustomAddition()).isTrue();
  }

  @Test
  void equalExpressionsAreThoseWithTheSameCanonicalSpelling() throws Exception {
    assertThat(parse("mit and isc"))
        .isEqualTo(parse("(MIT) AND ISC"))
        .hasSameHashCodeAs(parse("MIT AND ISC"));
    assertThat(parse("MIT AND ISC")).isNotEqualTo(parse("ISC AND MIT"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "MIT2 | unknown license id 'MIT2' at 0 | 0",
        "MIT AND | expected a license after 'AND' at 7 | 7",
        "\"MIT AND \" | expected a license after 'AND' at 8 | 8",
        "mit and | expected a license after 'and' at 7 | 7",
        "MIT OR ) | expected a license after 'OR', found ')' at 7 | 7",
        "MIT AND OR ISC | expected a license after 'AND', found 'OR' at 8 | 8",
        "AND MIT | expected a license, found 'AND' at 0 | 0",
        "( | expected a license after '(' at 1 | 1",
        "MIT And ISC | operator 'And' must be all upper or all lower case at 4 | 4",
        "MIT Apache-2.0 | expected AND, OR or WITH after 'MIT', found 'Apache-2.0' at 4 | 4",
        "(MIT OR ISC | missing ')' for this '(' at 0 | 0",
        "(MIT OR ISC ISC) | expected AND, OR or WITH after 'ISC', found 'ISC' at 12 | 12",
        "(MIT) ISC | expected AND or OR after ')', found 'ISC' at 6 | 6",
        "MIT WITH LLVM-exception ISC | expected AND or OR after 'LLVM-exception', found 'ISC' at 24 | 24",
        "MIT) | unexpected ')' with no matching '(' at 3 | 3",
        "MIT WITH | expected a license exception after 'WITH' at 8 | 8",
        "MIT WITH Foo-exception | unknown license exception 'Foo-exception' at 9 | 9",
        "MIT WITH Apache-2.0 | 'Apache-2.0' is a license, not a license exception at 9 | 9",
        "Classpath-exception-2.0 | 'Classpath-exception-2.0' is a license exception, not a license: it goes after WITH at 0 | 0",
        "MIT WITH LLVM-exception WITH Classpath-exception-2.0 | a license takes only one 'WITH' exception at 24 | 24",
        "(MIT OR ISC) WITH LLVM-exception | 'WITH' must follow a single license, not a parenthesised expression at 13 | 13",
        "LicenseRef-x+ | '+' applies only to a listed license, not to 'LicenseRef-x' at 12 | 12",
        "MIT + | '+' must directly follow a license id at 4 | 4",
        "MIT+ISC | expected a space or ')' after '+' at 4 | 4",
        "licenseref-foo | malformed license reference 'licenseref-foo' (expected [DocumentRef-x:]LicenseRef-y, prefixes spelled so) at 0 | 0",
        "DocumentRef-a:MIT | malformed license reference 'DocumentRef-a:MIT' (expected [DocumentRef-x:]LicenseRef-y, prefixes spelled so) at 0 | 0",
        "MIT & ISC | unexpected character '&' at 4 | 4",
        "MIT/ISC | unexpected character '/' at 3 | 3",
      })
  void rejectsInvalidExpressionsNamingTheProblemAndWhere(String text, String message, int at) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOfSatisfying(
            InvalidLicenseException.class, e -> assertThat(e.position()).isEqualTo(at))
        .hasMessage(message);
  }

  @Test
  void rejectsEmptyAndBlankText() {
    for (String text : new String[] {"", "   ", null}) {
      assertThatThrownBy(() -> parse(text)).hasMessage("empty license expression at 0");
    }
  }

  @Test
  void rejectsNestingAndLengthBeyondTheLimits() {
    String deep = "(".repeat(65) + "MIT" + ")".repeat(65);
    assertThatThrownBy(() -> parse(deep)).hasMessage("parentheses nested deeper than 64 at 64");
    String fine = "(".repeat(64) + "MIT" + ")".repeat(64);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parse(fine))).isNull();
    String tooLong = "MIT" + " AND MIT".repeat(1100);
    assertThatThrownBy(() -> parse(tooLong))
        .hasMessage("license expression longer than 8192 characters at 8192");
  }

  @Test
  void everyListedIdParsesToItself() throws Exception {
    for (String id : LIST.licenseIds()) {
      assertThat(parse(id).canonical()).isEqualTo(id);
      assertThat(parse(id.toLowerCase(java.util.Locale.ROOT)).canonical()).isEqualTo(id);
    }
  }
}

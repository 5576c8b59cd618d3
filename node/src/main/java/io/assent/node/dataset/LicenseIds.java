package io.assent.node.dataset;

import io.assent.node.dataset.license.InvalidLicenseException;
import io.assent.node.dataset.license.SpdxExpression;
import io.assent.node.dataset.license.SpdxLicenseList;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The license ids an SPDX expression mentions, for the by-license index: every license id and
 * {@code LicenseRef-}, without a trailing {@code +}; exception ids (after {@code WITH}) and
 * operators are not license ids. Valid expressions go through the SPDX parser ({@link
 * SpdxExpression#licenseIds()}). Malformed ones are indexed too (the chain does not validate
 * licenses, and the index must hold every registration), by splitting on whitespace and
 * parentheses: for a valid expression both give the same ids, so the index does not depend on the
 * SPDX list's version. Ids are lower-cased: SPDX ids match case-insensitively.
 */
final class LicenseIds {
  private static final Pattern SEPARATORS = Pattern.compile("[\\s()]+");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9.\\-:]+");

  private LicenseIds() {}

  static Set<String> of(String expression) {
    try {
      Set<String> ids = new TreeSet<>();
      for (String id : SpdxExpression.parse(expression, SpdxLicenseList.bundled()).licenseIds()) {
        ids.add(id.toLowerCase(Locale.ROOT));
      }
      return ids;
    } catch (InvalidLicenseException e) {
      return tokens(expression);
    }
  }

  /** The fallback for malformed expressions: operands between operators and parentheses. */
  static Set<String> tokens(String expression) {
    Set<String> ids = new TreeSet<>();
    boolean afterWith = false;
    for (String token : SEPARATORS.split(expression)) {
      String upper = token.toUpperCase(Locale.ROOT);
      if (token.isEmpty() || upper.equals("AND") || upper.equals("OR")) {
        continue;
      }
      if (upper.equals("WITH")) {
        afterWith = true;
        continue;
      }
      if (afterWith) {
        afterWith = false;
        continue;
      }
      String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
      if (ID.matcher(id).matches()) {
        ids.add(id.toLowerCase(Locale.ROOT));
      }
    }
    return ids;
  }
}

package io.assent.node.dataset;

import io.assent.node.dataset.license.InvalidLicenseException;
import io.assent.node.dataset.license.SpdxExpression;
import io.assent.node.dataset.license.SpdxLicenseList;
import java.util.Optional;

/** {@link LicenseCheck} by the SPDX expression parser, against an SPDX license list. */
public final class SpdxLicenseCheck implements LicenseCheck {
  private final SpdxLicenseList list;

  public SpdxLicenseCheck(SpdxLicenseList list) {
    this.list = list;
  }

  @Override
  public Optional<String> problem(String expression) {
    try {
      SpdxExpression.parse(expression, list);
      return Optional.empty();
    } catch (InvalidLicenseException e) {
      return Optional.of(e.getMessage());
    }
  }
}

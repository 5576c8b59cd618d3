package io.assent.node.dataset.license;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A parsed, validated SPDX license expression (immutable). Two expressions are equal when their
 * canonical spellings are.
 */
public final class SpdxExpression {
  private final SpdxTerm root;
  private final String canonical;
  private final Set<String> licenseIds;
  private final Set<String> exceptionIds;
  private final Set<String> deprecatedIds;

  private SpdxExpression(SpdxTerm root, Set<String> deprecatedIds) {
    this.root = root;
    this.canonical = root.canonical();
    Set<String> licenses = new LinkedHashSet<>();
    Set<String> exceptions = new LinkedHashSet<>();
    collect(root, licenses, exceptions);
    this.licenseIds = Collections.unmodifiableSet(licenses);
    this.exceptionIds = Collections.unmodifiableSet(exceptions);
    this.deprecatedIds = Set.copyOf(deprecatedIds);
  }

  /**
   * Parses {@code text} against {@code list}: ids case-insensitive, operators {@code AND OR WITH}
   * all upper or all lower case, precedence WITH > AND > OR.
   *
   * @throws InvalidLicenseException naming the problem and its position, e.g. {@code unknown
   *     license id 'MIT2' at 0}
   */
  public static SpdxExpression parse(String text, SpdxLicenseList list)
      throws InvalidLicenseException {
    SpdxParser.Result result = SpdxParser.parse(text, list);
    return new SpdxExpression(result.root(), result.deprecatedIds());
  }

  /** The syntax tree. */
  public SpdxTerm root() {
    return root;
  }

  /** Ids in the list's spelling, operators upper case, parentheses only where precedence needs. */
  public String canonical() {
    return canonical;
  }

  /**
   * Every license id and {@code LicenseRef-} in the expression, in order of first appearance
   * (without {@code +} or exceptions), e.g. {@code GPL-2.0-only} for {@code gpl-2.0-only+ WITH
   * classpath-exception-2.0}.
   */
  public Set<String> licenseIds() {
    return licenseIds;
  }

  /** Every exception id and {@code AdditionRef-} in the expression, in order of appearance. */
  public Set<String> exceptionIds() {
    return exceptionIds;
  }

  /** The deprecated license and exception ids used: valid, but worth a warning. */
  public Set<String> deprecatedIds() {
    return deprecatedIds;
  }

  private static void collect(SpdxTerm term, Set<String> licenses, Set<String> exceptions) {
    switch (term) {
      case SpdxTerm.License license -> {
        licenses.add(license.id());
        license.exception().ifPresent(exceptions::add);
      }
      case SpdxTerm.And and -> and.terms().forEach(t -> collect(t, licenses, exceptions));
      case SpdxTerm.Or or -> or.terms().forEach(t -> collect(t, licenses, exceptions));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpdxExpression other && canonical.equals(other.canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical;
  }
}

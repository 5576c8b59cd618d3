package io.assent.node.dataset.license;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the policy says about one license of an expression: {@code license} is the canonical term
 * (e.g. {@code GPL-2.0-or-later WITH Classpath-exception-2.0}, {@code LicenseRef-x}), and {@code
 * reason} says which policy entry or rule gave the verdict and why.
 */
public record LicenseFinding(
    String license, Verdict verdict, Set<String> conditions, String reason) {
  public LicenseFinding {
    conditions = Collections.unmodifiableSortedSet(new TreeSet<>(conditions));
  }
}

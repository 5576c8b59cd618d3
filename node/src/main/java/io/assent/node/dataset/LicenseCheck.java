package io.assent.node.dataset;

import java.util.Optional;

/**
 * Whether a license expression is a valid SPDX expression (against the node's bundled SPDX list).
 * The chain stores any text; the node reports validity in its views and refuses to relay invalid
 * expressions.
 */
@FunctionalInterface
public interface LicenseCheck {

  /** Empty if {@code expression} is valid, else what is wrong with it (for a problem detail). */
  Optional<String> problem(String expression);

  default boolean isValid(String expression) {
    return problem(expression).isEmpty();
  }
}

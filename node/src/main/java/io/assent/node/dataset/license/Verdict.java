package io.assent.node.dataset.license;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer of the license policy for one use purpose. {@link #restrictiveness()} orders them
 * (denied > unknown > conditional > allowed); {@code AND} takes the highest, {@code OR} the lowest.
 * Do not rely on the declaration order.
 */
public enum Verdict {
  /** The license permits the use with no condition worth stating. */
  ALLOWED(0),
  /** Permitted if the listed conditions (attribution, share-alike, ...) are met. */
  CONDITIONAL(1),
  /** The license forbids the use. */
  DENIED(3),
  /** Nobody has reviewed this license for this purpose: treat as not permitted. */
  UNKNOWN(2);

  private final int restrictiveness;

  Verdict(int restrictiveness) {
    this.restrictiveness = restrictiveness;
  }

  /** Lower case, as in the API: "allowed", "conditional", "denied", "unknown". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** denied > unknown > conditional > allowed: the order in which {@code AND} picks a verdict. */
  public int restrictiveness() {
    return restrictiveness;
  }

  /** The verdict with this lower-case id, or empty. */
  public static Optional<Verdict> fromId(String id) {
    return Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst();
  }
}

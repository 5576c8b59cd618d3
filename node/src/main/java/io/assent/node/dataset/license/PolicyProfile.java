package io.assent.node.dataset.license;

import java.util.Map;

/**
 * A named set of rulings, one per use purpose, shared by the licenses that behave alike (e.g.
 * {@code cc-by-nc} for every CC BY-NC version and port).
 */
record PolicyProfile(String name, String description, Map<UsePurpose, Ruling> rulings) {
  PolicyProfile {
    rulings = Map.copyOf(rulings);
  }

  Ruling ruling(UsePurpose purpose) {
    return rulings.get(purpose);
  }
}

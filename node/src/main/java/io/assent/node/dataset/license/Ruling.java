package io.assent.node.dataset.license;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** What the policy data says for one license (or rule) and one purpose. */
record Ruling(Verdict verdict, Set<String> conditions, String note) {
  Ruling {
    conditions = Collections.unmodifiableSortedSet(new TreeSet<>(conditions));
  }

  static Ruling unknown(String note) {
    return new Ruling(Verdict.UNKNOWN, Set.of(), note);
  }
}

package io.assent.node.dataset.permit;

import io.assent.node.dataset.license.Verdict;
import java.util.List;

/**
 * One part of a permit's decision.
 *
 * @param kind {@link #LICENSE} (the license of one dataset of the lineage), {@link #DEPRECATED} or
 *     {@link #CONSENTS}
 * @param dataset the dataset the reason is about (an ancestor for an inherited license)
 * @param license the license expression in force at the time (null when there was none, and for the
 *     other kinds)
 * @param detail for people: which policy entries decided, how far up the lineage, the counts
 */
public record PermitReason(
    String kind,
    String dataset,
    String license,
    Verdict verdict,
    List<String> conditions,
    String detail) {

  public static final String LICENSE = "license";
  public static final String DEPRECATED = "deprecated";
  public static final String CONSENTS = "consents";

  public PermitReason {
    conditions = List.copyOf(conditions);
  }
}

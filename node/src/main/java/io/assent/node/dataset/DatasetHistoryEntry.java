package io.assent.node.dataset;

/**
 * One registry event of a dataset, in chain order.
 *
 * @param type {@code registered}, {@code licenseChanged}, {@code deprecated} or {@code
 *     curatorChanged}
 * @param license the license from this event on (registered, licenseChanged), else null
 * @param curator the curator from this event on (registered, curatorChanged), else null
 * @param reason the deprecation reason (deprecated), else null
 */
public record DatasetHistoryEntry(
    String type, ChainRef at, String license, String curator, String reason) {

  public static final String REGISTERED = "registered";
  public static final String LICENSE_CHANGED = "licenseChanged";
  public static final String DEPRECATED = "deprecated";
  public static final String CURATOR_CHANGED = "curatorChanged";
}

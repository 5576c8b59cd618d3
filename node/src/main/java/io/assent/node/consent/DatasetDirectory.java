package io.assent.node.consent;

/**
 * Which datasets accept consents. A node following a dataset registry answers from its index
 * ("registered and not deprecated"); a node without one uses {@link #ACCEPT_ALL}.
 */
@FunctionalInterface
public interface DatasetDirectory {

  DatasetDirectory ACCEPT_ALL = dataset -> Standing.OPEN;

  /** Whether a dataset takes consents, and if not, why. */
  enum Standing {
    /** Takes consents. */
    OPEN,
    /** Not registered (as far as this node's index knows). */
    UNKNOWN,
    /** Registered, then deprecated: takes no new consents. */
    DEPRECATED
  }

  /**
   * @param dataset the 32-byte dataset id, lower-case 0x-hex
   */
  Standing standing(String dataset);
}

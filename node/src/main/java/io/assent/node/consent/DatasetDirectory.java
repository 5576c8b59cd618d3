package io.assent.node.consent;

/**
 * Which datasets accept consents. Issue 4's dataset registry plugs in "registered and not
 * deprecated"; until then {@link #ACCEPT_ALL}.
 */
@FunctionalInterface
public interface DatasetDirectory {

  DatasetDirectory ACCEPT_ALL = dataset -> true;

  /**
   * @param dataset the 32-byte dataset id, lower-case 0x-hex
   */
  boolean acceptsConsents(String dataset);
}

package io.assent.node.dataset.license;

/**
 * A license expression that is not valid SPDX, or names a license the list does not have. The
 * message names the problem and the 0-based character position, e.g. {@code unknown license id
 * 'MIT2' at 0}.
 */
public final class InvalidLicenseException extends Exception {
  private final int position;

  public InvalidLicenseException(String problem, int position) {
    super(problem + " at " + position);
    this.position = position;
  }

  /** The 0-based character offset in the expression text where the problem is. */
  public int position() {
    return position;
  }
}

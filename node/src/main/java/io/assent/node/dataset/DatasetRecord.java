package io.assent.node.dataset;

import java.util.List;

/**
 * A registered dataset as the index holds it: its registration, and its CURRENT curator and
 * license. Ids, addresses and digests are lower-case 0x-hex.
 *
 * @param curator the current curator identity's address (changes with a curatorship transfer)
 * @param license the current SPDX license expression, as written on chain (the chain does not
 *     validate it)
 * @param parents the parent dataset ids in registration order (immutable)
 * @param licenseChanged the latest license change, or null if the license never changed
 * @param deprecation null while the dataset is not deprecated
 */
public record DatasetRecord(
    String id,
    String curator,
    String name,
    String version,
    String contentDigest,
    String metadataDigest,
    String metadataUri,
    String license,
    List<String> parents,
    ChainRef registered,
    ChainRef licenseChanged,
    Deprecation deprecation) {

  public DatasetRecord {
    parents = List.copyOf(parents);
  }

  public boolean deprecated() {
    return deprecation != null;
  }

  /** This dataset under another license, changed at {@code at}. */
  DatasetRecord withLicense(String newLicense, ChainRef at) {
    return changed(curator, newLicense, at, deprecation);
  }

  /** This dataset under another curator. */
  DatasetRecord withCurator(String newCurator) {
    return changed(newCurator, license, licenseChanged, deprecation);
  }

  /** This dataset deprecated. */
  DatasetRecord withDeprecation(Deprecation newDeprecation) {
    return changed(curator, license, licenseChanged, newDeprecation);
  }

  /** A copy with the fields that change after registration replaced; the rest is immutable. */
  private DatasetRecord changed(
      String newCurator,
      String newLicense,
      ChainRef newLicenseChanged,
      Deprecation newDeprecation) {
    return new DatasetRecord(
        id,
        newCurator,
        name,
        version,
        contentDigest,
        metadataDigest,
        metadataUri,
        newLicense,
        parents,
        registered,
        newLicenseChanged,
        newDeprecation);
  }
}

package io.assent.contracts.dataset;

import java.util.List;

/**
 * An event of the dataset registry, decoded from its log. Addresses, ids and digests are lower-case
 * 0x-hex; {@code actor} is the account whose authority made the change (the sender, or the signer
 * of a relayed operation).
 */
public sealed interface DatasetEvent {

  /** The dataset's id: 32 bytes, lower-case 0x-hex. */
  String id();

  /** The account that acted: the curator identity's owner or one of its valid delegates. */
  String actor();

  /**
   * {@code DatasetRegistered}. Parents existed when it was registered, so lineage is acyclic.
   *
   * @param curator the curator identity (a did:ethr address)
   * @param license the SPDX license expression as registered (not validated on chain)
   */
  record Registered(
      String id,
      String curator,
      String actor,
      String name,
      String version,
      String contentDigest,
      String metadataDigest,
      String metadataUri,
      String license,
      List<String> parents)
      implements DatasetEvent {
    public Registered {
      parents = List.copyOf(parents);
    }
  }

  /** {@code DatasetLicenseChanged}: the dataset's license expression from now on. */
  record LicenseChanged(String id, String actor, String license) implements DatasetEvent {}

  /** {@code DatasetDeprecated}: final; no further change is accepted for this dataset. */
  record Deprecated(String id, String actor, String reason) implements DatasetEvent {}

  /** {@code DatasetCuratorChanged}: the new curator identity. */
  record CuratorChanged(String id, String curator, String actor) implements DatasetEvent {}
}

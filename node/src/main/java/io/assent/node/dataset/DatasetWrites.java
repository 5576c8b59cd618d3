package io.assent.node.dataset;

import io.assent.contracts.dataset.DatasetEvent;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Locale;

/**
 * The writes of each dataset event, all in the follower's transaction: the record and every index
 * entry it implies change together. Each method returns the history entry of the event.
 */
final class DatasetWrites {
  private static final byte[] EMPTY = new byte[0];

  private final Transaction tx;

  DatasetWrites(Transaction tx) {
    this.tx = tx;
  }

  DatasetHistoryEntry register(DatasetEvent.Registered r, ChainRef at) {
    String id = lower(r.id());
    String curator = lower(r.curator());
    DatasetRecord record =
        new DatasetRecord(
            id,
            curator,
            r.name(),
            r.version(),
            lower(r.contentDigest()),
            lower(r.metadataDigest()),
            r.metadataUri(),
            r.license(),
            r.parents().stream().map(DatasetWrites::lower).toList(),
            at,
            null,
            null);
    save(record);
    tx.put(Segment.DATASET_BY_CURATOR, DatasetKeys.byCurator(curator, id), EMPTY);
    for (String parent : record.parents()) {
      tx.put(Segment.DATASET_LINEAGE, DatasetKeys.lineage(DatasetKeys.PARENT, id, parent), EMPTY);
      tx.put(Segment.DATASET_LINEAGE, DatasetKeys.lineage(DatasetKeys.CHILD, parent, id), EMPTY);
    }
    indexLicense(id, record.license());
    return new DatasetHistoryEntry(
        DatasetHistoryEntry.REGISTERED, at, record.license(), curator, null);
  }

  DatasetHistoryEntry changeLicense(DatasetRecord current, String license, ChainRef at) {
    for (String licenseId : LicenseIds.of(current.license())) {
      tx.delete(Segment.DATASET_BY_LICENSE, DatasetKeys.byLicense(licenseId, current.id()));
    }
    indexLicense(current.id(), license);
    save(current.withLicense(license, at));
    return new DatasetHistoryEntry(DatasetHistoryEntry.LICENSE_CHANGED, at, license, null, null);
  }

  DatasetHistoryEntry deprecate(DatasetRecord current, String reason, ChainRef at) {
    save(current.withDeprecation(new Deprecation(reason, at)));
    return new DatasetHistoryEntry(DatasetHistoryEntry.DEPRECATED, at, null, null, reason);
  }

  DatasetHistoryEntry changeCurator(DatasetRecord current, String curator, ChainRef at) {
    tx.delete(Segment.DATASET_BY_CURATOR, DatasetKeys.byCurator(current.curator(), current.id()));
    tx.put(Segment.DATASET_BY_CURATOR, DatasetKeys.byCurator(curator, current.id()), EMPTY);
    save(current.withCurator(curator));
    return new DatasetHistoryEntry(DatasetHistoryEntry.CURATOR_CHANGED, at, null, curator, null);
  }

  private void save(DatasetRecord record) {
    tx.put(Segment.DATASETS, DatasetKeys.id(record.id()), DatasetCodec.encode(record));
  }

  private void indexLicense(String id, String license) {
    for (String licenseId : LicenseIds.of(license)) {
      tx.put(Segment.DATASET_BY_LICENSE, DatasetKeys.byLicense(licenseId, id), EMPTY);
    }
  }

  private static String lower(String hex) {
    return hex.toLowerCase(Locale.ROOT);
  }
}

package io.assent.node.dataset;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads what {@link DatasetIndexer} wrote. Thread-safe: it only reads, and each call sees the store
 * as it is (a query spanning several reads may see a block applied in between).
 *
 * <p>Ids and addresses are 0x-hex in either case; a malformed one is an IllegalArgumentException
 * (the API validates first).
 */
public final class DatasetIndex {

  /** The most datasets one {@link #list} call returns. */
  public static final int MAX_LIMIT = 1000;

  private final KeyValueReader store;

  public DatasetIndex(KeyValueReader store) {
    this.store = store;
  }

  public Optional<DatasetRecord> get(String id) {
    return store.get(Segment.DATASETS, DatasetKeys.id(id)).map(DatasetCodec::decodeRecord);
  }

  /**
   * Datasets in id order (ascending unsigned bytes), after the id {@code after} if given, at most
   * {@code limit} (1..{@link #MAX_LIMIT}). {@code curator} keeps those whose CURRENT curator is
   * that address; {@code licenseId} those whose CURRENT license expression mentions that SPDX id
   * (case-insensitive, a trailing {@code +} ignored; exceptions after WITH do not count). Paging
   * skips keys up to {@code after} within the chosen prefix, so a page costs a scan of the keys
   * before it.
   */
  public List<DatasetRecord> list(
      Optional<String> curator, Optional<String> licenseId, Optional<String> after, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
    byte[] afterId = after.map(DatasetKeys::id).orElse(null);
    Optional<String> license = licenseId.map(DatasetIndex::withoutPlus);
    Segment segment;
    byte[] prefix;
    if (curator.isPresent()) {
      segment = Segment.DATASET_BY_CURATOR;
      prefix = DatasetKeys.address(curator.get());
    } else if (license.isPresent()) {
      segment = Segment.DATASET_BY_LICENSE;
      prefix = DatasetKeys.licensePrefix(license.get());
    } else {
      segment = Segment.DATASETS;
      prefix = new byte[0];
    }
    List<DatasetRecord> page = new ArrayList<>(Math.min(limit, 128));
    try (Stream<KeyValue> entries = store.stream(segment, prefix)) {
      var it = entries.iterator();
      while (it.hasNext() && page.size() < limit) {
        byte[] key = it.next().key();
        byte[] id = Arrays.copyOfRange(key, key.length - DatasetKeys.ID_LENGTH, key.length);
        if (afterId != null && Bytes.compareUnsigned(id, afterId) <= 0) {
          continue;
        }
        Optional<DatasetRecord> record = get(DatasetKeys.hex(id));
        if (record.isPresent() && matchesLicense(record.get(), curator, license)) {
          page.add(record.get());
        }
      }
    }
    return page;
  }

  /** {@code GPL-2.0+} means the GPL-2.0 family: the index holds ids without the {@code +}. */
  private static String withoutPlus(String licenseId) {
    return licenseId.endsWith("+") ? licenseId.substring(0, licenseId.length() - 1) : licenseId;
  }

  /** Both filters at once: the scan went by curator, so the license is checked on the record. */
  private static boolean matchesLicense(
      DatasetRecord record, Optional<String> curator, Optional<String> licenseId) {
    return curator.isEmpty()
        || licenseId.isEmpty()
        || LicenseIds.of(record.license()).contains(licenseId.get().toLowerCase(Locale.ROOT));
  }

  /**
   * The lineage graph around {@code id}; see {@link LineageGraph}. Empty nodes if id is unknown.
   */
  public LineageGraph lineage(String id, LineageDirection direction, int maxDepth) {
    return new LineageWalk(this, store).walk(id, direction, maxDepth);
  }

  /** The dataset's registry events in chain order; empty if unknown. */
  public List<DatasetHistoryEntry> history(String id) {
    try (Stream<KeyValue> entries = store.stream(Segment.DATASET_HISTORY, DatasetKeys.id(id))) {
      return entries.map(kv -> DatasetCodec.decodeHistory(kv.value())).toList();
    }
  }

  /**
   * The license expression in force at {@code timestamp} (unix seconds): that of the last
   * registration or license change in a block stamped at or before it. Empty if the dataset is
   * unknown or was registered after it.
   */
  public Optional<String> licenseAt(String id, long timestamp) {
    String license = null;
    for (DatasetHistoryEntry entry : history(id)) {
      if (entry.at().timestamp() > timestamp) {
        break;
      }
      if (entry.license() != null) {
        license = entry.license();
      }
    }
    return Optional.ofNullable(license);
  }
}

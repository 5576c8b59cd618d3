package io.assent.node.store;

import java.util.Optional;
import org.rocksdb.ReadOptions;
import org.rocksdb.Slice;

/**
 * Read options that keep an iterator inside one key prefix ({@code [prefix, prefixEnd)}). Without
 * them, a scan that steps past the prefix's last key, or a seek into a range that starts with
 * deleted keys, makes RocksDB walk every tombstone until the next live key: the anchor queue
 * deletes a batch's entries at once, and each anchorer round scanned thousands of tombstones (JFR,
 * 2026-11-29). The options must outlive the iterator; close them after it.
 */
final class PrefixBounds implements AutoCloseable {
  private final ReadOptions options;
  private final Slice lower;
  private final Slice upper;

  PrefixBounds(byte[] prefix) {
    options = new ReadOptions();
    lower = new Slice(prefix.clone());
    options.setIterateLowerBound(lower);
    Optional<byte[]> end = Bytes.prefixEnd(prefix);
    upper = end.map(Slice::new).orElse(null);
    if (upper != null) {
      options.setIterateUpperBound(upper);
    }
  }

  ReadOptions options() {
    return options;
  }

  @Override
  public void close() {
    options.close();
    lower.close();
    if (upper != null) {
      upper.close();
    }
  }
}

package io.assent.node.consent;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.web3j.utils.Numeric;

/**
 * The anchor roots of purpose groups ({@code R} entries of {@link DatasetTallyKeys}), decoded once
 * and kept in memory until the anchorer changes them: it bumps the group's roots version in the
 * same transaction, so a read while nothing changed costs one point read instead of one entry per
 * root (a dataset with a million consents has about a thousand roots per group).
 *
 * <p>Holds the {@link #MAX_GROUPS} groups read most recently. Thread-safe. A list is tagged with
 * the version read before its entries, so a change that lands while it is read only causes one more
 * read later, never a stale list.
 */
final class AnchorRoots {
  static final int MAX_GROUPS = 64;

  /** One root of a group: where it is anchored, and the validity windows it holds. */
  record Root(DatasetConsentSummary.AnchorRef ref, RootSpan span) {}

  private record Cached(long version, List<Root> roots) {}

  private static final Comparator<Root> BY_BLOCK =
      Comparator.comparingLong((Root r) -> r.ref().blockNumber())
          .thenComparing(r -> r.ref().root());

  private final Map<ByteBuffer, Cached> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Cached> eldest) {
              return size() > MAX_GROUPS;
            }
          });

  /**
   * The group's roots, by block (then root): readers that merge the lists of several groups and
   * sort the result sort a few presorted runs, which takes linear time.
   */
  List<Root> of(KeyValueReader store, byte[] dataset, byte[] group) {
    long version = version(store, dataset, group);
    ByteBuffer key = ByteBuffer.wrap(DatasetTallyKeys.roots(dataset, group));
    Cached cached = cache.get(key);
    if (cached != null && cached.version() == version) {
      return cached.roots();
    }
    List<Root> roots = new ArrayList<>();
    try (Stream<KeyValue> entries =
        store.stream(Segment.CONSENT_INDEX, DatasetTallyKeys.roots(dataset, group))) {
      entries.forEach(
          kv -> {
            RootSpan span = RootSpan.decode(kv.value());
            String root = Numeric.toHexString(DatasetTallyKeys.tail(kv.key(), 32));
            roots.add(
                new Root(
                    new DatasetConsentSummary.AnchorRef(root, span.txHash(), span.blockNumber()),
                    span));
          });
    }
    roots.sort(BY_BLOCK);
    List<Root> read = List.copyOf(roots);
    cache.put(key, new Cached(version, read));
    return read;
  }

  /** The group's roots version: 0 until the anchorer first writes it. */
  private static long version(KeyValueReader store, byte[] dataset, byte[] group) {
    return store
        .get(Segment.CONSENT_INDEX, DatasetTallyKeys.rootsVersion(dataset, group))
        .map(b -> Bytes.toLong(b, 0))
        .orElse(0L);
  }
}

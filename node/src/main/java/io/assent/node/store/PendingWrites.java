package io.assent.node.store;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A transaction's writes before it commits, for both stores: per segment, the last write of each
 * key (a value, or a delete), handed out in unsigned key order. Keys and values are copied in and
 * out, so the caller's arrays are never shared. Not thread-safe: one thread uses a transaction.
 *
 * <p>Why hashed and sorted on demand, not a sorted map: a commit group writes hundreds of keys and
 * reads most of them back, and a tree of byte arrays cost it a comparison walk per write and per
 * read (a quarter of the commit thread's Java time, JFR, 2026-11-30); sorting once, when the writes
 * are handed over, costs a fraction of that.
 */
final class PendingWrites {

  // A delete, told apart from a written empty value by identity: put() copies every value.
  private static final byte[] DELETED = new byte[0];

  private final Map<Segment, Map<Key, byte[]>> bySegment = new EnumMap<>(Segment.class);

  /** What {@link #forEach} hands over: a key's last write; {@code value} is null for a delete. */
  interface Write {
    void apply(Segment segment, byte[] key, byte[] value);
  }

  /** A key by its contents. */
  private record Key(byte[] bytes, int hash) {
    static Key of(byte[] bytes) {
      return new Key(bytes, Arrays.hashCode(bytes));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && hash == key.hash && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  void put(Segment segment, byte[] key, byte[] value) {
    writes(segment).put(Key.of(key.clone()), value.clone());
  }

  void delete(Segment segment, byte[] key) {
    writes(segment).put(Key.of(key.clone()), DELETED);
  }

  /**
   * The key's value as the transaction sees it: its own write if it wrote one, else {@code stored}.
   */
  Optional<byte[]> read(Segment segment, byte[] key, Supplier<Optional<byte[]>> stored) {
    Map<Key, byte[]> writes = bySegment.get(segment);
    byte[] written = writes == null ? null : writes.get(Key.of(key));
    if (written == null) {
      return stored.get();
    }
    return written == DELETED ? Optional.empty() : Optional.of(written.clone());
  }

  /**
   * A copy of the writes under {@code prefix}, in ascending key order or, with {@code reverse},
   * descending; a delete's value is null. A copy, so that the transaction may write while a stream
   * built on it is read.
   */
  List<Map.Entry<byte[], byte[]>> under(Segment segment, byte[] prefix, boolean reverse) {
    Map<Key, byte[]> writes = bySegment.get(segment);
    if (writes == null) {
      return List.of();
    }
    List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
    writes.forEach(
        (key, value) -> {
          if (Bytes.startsWith(key.bytes(), prefix)) {
            out.add(
                new AbstractMap.SimpleImmutableEntry<>(
                    key.bytes().clone(), value == DELETED ? null : value.clone()));
          }
        });
    Comparator<Map.Entry<byte[], byte[]>> order =
        (a, b) -> Bytes.compareUnsigned(a.getKey(), b.getKey());
    out.sort(reverse ? order.reversed() : order);
    return out;
  }

  /** Every key's last write, segment by segment (in their declared order), keys in order. */
  void forEach(Write action) {
    bySegment.forEach(
        (segment, writes) -> {
          List<Map.Entry<Key, byte[]>> entries = new ArrayList<>(writes.entrySet());
          entries.sort((a, b) -> Bytes.compareUnsigned(a.getKey().bytes(), b.getKey().bytes()));
          for (Map.Entry<Key, byte[]> entry : entries) {
            byte[] value = entry.getValue();
            action.apply(segment, entry.getKey().bytes(), value == DELETED ? null : value);
          }
        });
  }

  private Map<Key, byte[]> writes(Segment segment) {
    return bySegment.computeIfAbsent(segment, s -> new HashMap<>());
  }
}

package io.assent.node.store;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A transaction's writes before it commits, for both stores: per segment, in unsigned key order,
 * the last write of each key (a value, or a delete). Keys and values are copied in and out, so the
 * caller's arrays are never shared. Not thread-safe: one thread uses a transaction.
 */
final class PendingWrites {

  // A delete, told apart from a written empty value by identity: put() copies every value.
  private static final byte[] DELETED = new byte[0];

  private final Map<Segment, NavigableMap<byte[], byte[]>> bySegment = new EnumMap<>(Segment.class);

  /** What {@link #forEach} hands over: a key's last write; {@code value} is null for a delete. */
  interface Write {
    void apply(Segment segment, byte[] key, byte[] value);
  }

  void put(Segment segment, byte[] key, byte[] value) {
    writes(segment).put(key.clone(), value.clone());
  }

  void delete(Segment segment, byte[] key) {
    writes(segment).put(key.clone(), DELETED);
  }

  /**
   * The key's value as the transaction sees it: its own write if it wrote one, else {@code stored}.
   */
  Optional<byte[]> read(Segment segment, byte[] key, Supplier<Optional<byte[]>> stored) {
    NavigableMap<byte[], byte[]> writes = bySegment.get(segment);
    byte[] written = writes == null ? null : writes.get(key);
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
    NavigableMap<byte[], byte[]> writes = bySegment.get(segment);
    if (writes == null) {
      return List.of();
    }
    NavigableMap<byte[], byte[]> range = Bytes.prefixRange(writes, prefix);
    List<Map.Entry<byte[], byte[]>> out = new ArrayList<>(range.size());
    (reverse ? range.descendingMap() : range)
        .forEach(
            (key, value) ->
                out.add(
                    new AbstractMap.SimpleImmutableEntry<>(
                        key.clone(), value == DELETED ? null : value.clone())));
    return out;
  }

  /** Every key's last write, segment by segment (in their declared order), keys in order. */
  void forEach(Write action) {
    bySegment.forEach(
        (segment, writes) ->
            writes.forEach(
                (key, value) -> action.apply(segment, key, value == DELETED ? null : value)));
  }

  private NavigableMap<byte[], byte[]> writes(Segment segment) {
    return bySegment.computeIfAbsent(segment, s -> new TreeMap<>(Bytes::compareUnsigned));
  }
}

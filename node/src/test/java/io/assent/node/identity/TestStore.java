package io.assent.node.identity;

import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A minimal in-memory store for the identity tests (here and in testnet) until the node's own
 * in-memory store lands; not for production. Keys compare as unsigned bytes; a transaction buffers
 * writes and sees them.
 */
public final class TestStore implements KeyValueStore {

  private final Map<Segment, NavigableMap<byte[], byte[]>> segments = new EnumMap<>(Segment.class);
  private int commits;

  public TestStore() {
    for (Segment segment : Segment.values()) {
      segments.put(segment, new TreeMap<>(Arrays::compareUnsigned));
    }
  }

  int commits() {
    return commits;
  }

  /** Every entry of a segment, for equality checks. */
  NavigableMap<byte[], byte[]> dump(Segment segment) {
    return segments.get(segment);
  }

  @Override
  public Optional<byte[]> get(Segment segment, byte[] key) {
    return Optional.ofNullable(segments.get(segment).get(key)).map(byte[]::clone);
  }

  @Override
  public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
    return prefixed(segments.get(segment), prefix).entrySet().stream()
        .map(e -> new KeyValue(e.getKey().clone(), e.getValue().clone()));
  }

  @Override
  public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
    return prefixed(segments.get(segment), prefix).descendingMap().entrySet().stream()
        .map(e -> new KeyValue(e.getKey().clone(), e.getValue().clone()));
  }

  private static NavigableMap<byte[], byte[]> prefixed(
      NavigableMap<byte[], byte[]> map, byte[] prefix) {
    NavigableMap<byte[], byte[]> out = new TreeMap<>(Arrays::compareUnsigned);
    map.tailMap(prefix, true).entrySet().stream()
        .takeWhile(
            e ->
                Arrays.equals(
                    e.getKey(),
                    0,
                    Math.min(prefix.length, e.getKey().length),
                    prefix,
                    0,
                    prefix.length))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  @Override
  public Transaction startTransaction() {
    return new Tx();
  }

  @Override
  public void close() {}

  private final class Tx implements Transaction {
    private final Map<Segment, NavigableMap<byte[], byte[]>> writes = new HashMap<>();
    private final Map<Segment, java.util.Set<byte[]>> deletes = new HashMap<>();

    private NavigableMap<byte[], byte[]> merged(Segment segment) {
      NavigableMap<byte[], byte[]> view = new TreeMap<>(Arrays::compareUnsigned);
      view.putAll(segments.get(segment));
      deletes.getOrDefault(segment, java.util.Set.of()).forEach(view::remove);
      view.putAll(writes.getOrDefault(segment, new TreeMap<>(Arrays::compareUnsigned)));
      return view;
    }

    @Override
    public Optional<byte[]> get(Segment segment, byte[] key) {
      return Optional.ofNullable(merged(segment).get(key)).map(byte[]::clone);
    }

    @Override
    public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
      return prefixed(merged(segment), prefix).entrySet().stream()
          .map(e -> new KeyValue(e.getKey().clone(), e.getValue().clone()));
    }

    @Override
    public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
      return prefixed(merged(segment), prefix).descendingMap().entrySet().stream()
          .map(e -> new KeyValue(e.getKey().clone(), e.getValue().clone()));
    }

    @Override
    public void put(Segment segment, byte[] key, byte[] value) {
      deletes
          .computeIfAbsent(segment, s -> new java.util.TreeSet<>(Arrays::compareUnsigned))
          .remove(key);
      writes
          .computeIfAbsent(segment, s -> new TreeMap<>(Arrays::compareUnsigned))
          .put(key.clone(), value.clone());
    }

    @Override
    public void delete(Segment segment, byte[] key) {
      writes.computeIfAbsent(segment, s -> new TreeMap<>(Arrays::compareUnsigned)).remove(key);
      deletes
          .computeIfAbsent(segment, s -> new java.util.TreeSet<>(Arrays::compareUnsigned))
          .add(key.clone());
    }

    @Override
    public void commit() {
      for (Segment segment : Segment.values()) {
        segments.put(segment, merged(segment));
      }
      writes.clear();
      deletes.clear();
      commits++;
    }

    @Override
    public void rollback() {
      writes.clear();
      deletes.clear();
    }

    @Override
    public void close() {
      rollback();
    }
  }
}

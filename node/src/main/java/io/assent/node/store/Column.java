package io.assent.node.store;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A typed view of one segment: keys and values go through serializers, so domain code reads and
 * writes its own types instead of {@code byte[]}.
 */
public record Column<K, V>(Segment segment, Serializer<K> keys, Serializer<V> values) {

  public Optional<V> get(KeyValueReader reader, K key) {
    return reader.get(segment, keys.toBytes(key)).map(values::fromBytes);
  }

  public void put(Transaction tx, K key, V value) {
    tx.put(segment, keys.toBytes(key), values.toBytes(value));
  }

  public void delete(Transaction tx, K key) {
    tx.delete(segment, keys.toBytes(key));
  }

  /** Entries whose encoded key starts with {@code prefix}, in key order; close the stream. */
  public Stream<Map.Entry<K, V>> stream(KeyValueReader reader, byte[] prefix) {
    return reader.stream(segment, prefix).map(this::decode);
  }

  /** As {@link #stream} in descending key order. */
  public Stream<Map.Entry<K, V>> streamReverse(KeyValueReader reader, byte[] prefix) {
    return reader.streamReverse(segment, prefix).map(this::decode);
  }

  private Map.Entry<K, V> decode(KeyValue kv) {
    return Map.entry(keys.fromBytes(kv.key()), values.fromBytes(kv.value()));
  }
}

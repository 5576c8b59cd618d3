package io.assent.node.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * A {@link KeyValueStore} in memory, for unit tests: the same semantics as the RocksDB store
 * (unsigned key order, read-your-writes, atomic commit) without durability. Streams are snapshots
 * taken when the stream is created.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {

  private final Map<Segment, NavigableMap<byte[], byte[]>> segments = new EnumMap<>(Segment.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  public InMemoryKeyValueStore() {
    for (Segment segment : Segment.values()) {
      segments.put(segment, new TreeMap<>(Bytes::compareUnsigned));
    }
  }

  @Override
  public Optional<byte[]> get(Segment segment, byte[] key) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return Optional.ofNullable(segments.get(segment).get(key)).map(byte[]::clone);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
    return snapshot(segment, prefix, List.of()).stream();
  }

  @Override
  public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
    return snapshot(segment, prefix, List.of()).reversed().stream();
  }

  @Override
  public Transaction startTransaction() {
    ensureOpen();
    return new InMemoryTransaction(this);
  }

  /** Nothing to compact: deleted values are gone from memory once the map drops them. */
  @Override
  public void compact(Segment... segments) {
    ensureOpen();
  }

  /** Nothing to compact, as for {@link #compact}. */
  @Override
  public int compactKeys(Map<Segment, ? extends Collection<byte[]>> keys) {
    ensureOpen();
    return 0;
  }

  @Override
  public void close() {
    closed = true;
  }

  /**
   * The entries under {@code prefix}, in ascending order, with a transaction's writes under it laid
   * over them (see {@link PendingWrites#under}: a null value is a delete).
   */
  List<KeyValue> snapshot(Segment segment, byte[] prefix, List<Map.Entry<byte[], byte[]>> pending) {
    NavigableMap<byte[], byte[]> merged = new TreeMap<>(Bytes::compareUnsigned);
    lock.readLock().lock();
    try {
      ensureOpen();
      merged.putAll(Bytes.prefixRange(segments.get(segment), prefix));
    } finally {
      lock.readLock().unlock();
    }
    for (Map.Entry<byte[], byte[]> write : pending) {
      if (write.getValue() == null) {
        merged.remove(write.getKey());
      } else {
        merged.put(write.getKey(), write.getValue());
      }
    }
    List<KeyValue> out = new ArrayList<>(merged.size());
    merged.forEach((k, v) -> out.add(new KeyValue(k.clone(), v.clone())));
    return out;
  }

  /** Applies every pending write at once: readers see all of them or none. */
  void apply(PendingWrites pending) {
    lock.writeLock().lock();
    try {
      ensureOpen();
      pending.forEach(
          (segment, key, value) -> {
            if (value == null) {
              segments.get(segment).remove(key);
            } else {
              segments.get(segment).put(key, value);
            }
          });
    } finally {
      lock.writeLock().unlock();
    }
  }

  void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
  }
}

package io.assent.node.store;

import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Walks the keys under a prefix with a RocksDB iterator, forwards or backwards. The iterator is
 * positioned lazily, on the first element, and closed when the stream is closed.
 */
final class RocksDbPrefixSpliterator extends Spliterators.AbstractSpliterator<KeyValue> {

  private final RocksDbKeyValueStore store;
  private final NativeResources owner;
  private final RocksIterator iterator;
  private final byte[] prefix;
  private final boolean reverse;
  private boolean positioned;
  // Set at the end: RocksDB must not step an iterator that is no longer valid (the process aborts),
  // and a spliterator may be asked again after it said there is no more (Iterator.hasNext does).
  private boolean finished;

  private RocksDbPrefixSpliterator(
      RocksDbKeyValueStore store,
      NativeResources owner,
      RocksIterator iterator,
      byte[] prefix,
      boolean reverse) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.store = store;
    this.owner = owner;
    this.iterator = iterator;
    this.prefix = prefix.clone();
    this.reverse = reverse;
  }

  /**
   * A stream over {@code iterator}, made with {@code bounds}' read options (both already registered
   * with {@code owner}); closing the stream releases the iterator, then the bounds.
   */
  static Stream<KeyValue> stream(
      RocksDbKeyValueStore store,
      NativeResources owner,
      RocksIterator iterator,
      PrefixBounds bounds,
      byte[] prefix,
      boolean reverse) {
    RocksDbPrefixSpliterator spliterator =
        new RocksDbPrefixSpliterator(store, owner, iterator, prefix, reverse);
    return StreamSupport.stream(spliterator, false)
        .onClose(
            () -> {
              store.release(owner, iterator);
              store.release(owner, bounds);
            });
  }

  @Override
  public boolean tryAdvance(Consumer<? super KeyValue> action) {
    Optional<KeyValue> next =
        store.guarded(
            () -> {
              if (!owner.isOpen(iterator)) {
                throw new IllegalStateException("the stream (or its transaction) is closed");
              }
              return advance();
            });
    next.ifPresent(action);
    return next.isPresent();
  }

  private Optional<KeyValue> advance() {
    if (finished) {
      return Optional.empty();
    }
    Optional<KeyValue> next = step();
    finished = next.isEmpty();
    return next;
  }

  private Optional<KeyValue> step() {
    if (!positioned) {
      position();
      positioned = true;
    } else if (reverse) {
      iterator.prev();
    } else {
      iterator.next();
    }
    if (!iterator.isValid()) {
      checkStatus();
      return Optional.empty();
    }
    byte[] key = iterator.key();
    if (!Bytes.startsWith(key, prefix)) {
      return Optional.empty();
    }
    return Optional.of(new KeyValue(key, iterator.value()));
  }

  private void position() {
    if (!reverse) {
      iterator.seek(prefix);
      return;
    }
    Optional<byte[]> end = Bytes.prefixEnd(prefix);
    if (end.isEmpty()) {
      iterator.seekToLast();
      return;
    }
    // The last key <= end; end itself is outside the prefix, so step back over it.
    iterator.seekForPrev(end.get());
    if (iterator.isValid() && Bytes.compareUnsigned(iterator.key(), end.get()) >= 0) {
      iterator.prev();
    }
  }

  private void checkStatus() {
    try {
      iterator.status();
    } catch (RocksDBException e) {
      throw new StorageException("iteration failed", e);
    }
  }
}

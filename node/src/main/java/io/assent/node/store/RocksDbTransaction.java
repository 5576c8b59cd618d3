package io.assent.node.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * A transaction of {@link RocksDbKeyValueStore}: its writes are held in key order per segment, and
 * reads look there before the database, so that they see the transaction's own writes. On commit
 * each key's last write goes into one write batch, segment by segment in key order, written with
 * one synced write. Not thread-safe: one thread uses a transaction.
 *
 * <p>Why not RocksDB's indexed write batch: it inserts every write into a skip list of its own and
 * then again into the memtable, and looks up every read in both (the group commit and the anchorer
 * spent about a third of their CPU there, JFR, 2026-11-30). Sorted keys also make the memtable's
 * skip-list inserts cheaper: each starts from where the one before ended.
 */
final class RocksDbTransaction implements Transaction {

  // A delete, told apart from a stored empty value by identity: put() copies every value.
  private static final byte[] DELETED = new byte[0];

  private final RocksDbKeyValueStore store;
  private final Map<Segment, NavigableMap<byte[], byte[]>> writes = new EnumMap<>(Segment.class);
  private final NativeResources iterators = new NativeResources();
  private final AutoCloseable freer = this::free;
  private boolean done;

  private RocksDbTransaction(RocksDbKeyValueStore store) {
    this.store = store;
  }

  /** A new transaction, registered with the store so that closing the store frees it. */
  static RocksDbTransaction start(RocksDbKeyValueStore store) {
    RocksDbTransaction tx = new RocksDbTransaction(store);
    store.resources().register(tx.freer);
    return tx;
  }

  @Override
  public Optional<byte[]> get(Segment segment, byte[] key) {
    store.operations().count(segment, StoreOperations.Kind.GET);
    return active(
        () -> {
          NavigableMap<byte[], byte[]> own = writes.get(segment);
          byte[] written = own == null ? null : own.get(key);
          if (written != null) {
            return written == DELETED ? Optional.empty() : Optional.of(written.clone());
          }
          try {
            return Optional.ofNullable(store.db().get(store.handle(segment), store.reads(), key));
          } catch (RocksDBException e) {
            throw new StorageException("read failed in " + segment, e);
          }
        });
  }

  @Override
  public Stream<KeyValue> stream(Segment segment, byte[] prefix) {
    return iterate(segment, prefix, false);
  }

  @Override
  public Stream<KeyValue> streamReverse(Segment segment, byte[] prefix) {
    return iterate(segment, prefix, true);
  }

  private Stream<KeyValue> iterate(Segment segment, byte[] prefix, boolean reverse) {
    store.operations().count(segment, StoreOperations.Kind.SCAN);
    return active(
        () -> {
          PrefixBounds bounds = iterators.register(new PrefixBounds(prefix));
          Stream<KeyValue> stored =
              RocksDbPrefixSpliterator.stream(
                  store,
                  iterators,
                  iterators.register(
                      store.db().newIterator(store.handle(segment), bounds.options())),
                  bounds,
                  prefix,
                  reverse);
          return OverlaidSpliterator.stream(
              ownWrites(segment, prefix, reverse), stored, reverse, DELETED);
        });
  }

  /** A copy of this transaction's writes under {@code prefix}, in the stream's order. */
  private List<Map.Entry<byte[], byte[]>> ownWrites(
      Segment segment, byte[] prefix, boolean reverse) {
    NavigableMap<byte[], byte[]> own = writes.get(segment);
    if (own == null) {
      return List.of();
    }
    NavigableMap<byte[], byte[]> range =
        Bytes.prefixEnd(prefix)
            .map(end -> own.subMap(prefix, true, end, false))
            .orElseGet(() -> own.tailMap(prefix, true));
    return new ArrayList<>((reverse ? range.descendingMap() : range).entrySet());
  }

  @Override
  public void put(Segment segment, byte[] key, byte[] value) {
    store.operations().count(segment, StoreOperations.Kind.PUT);
    active(() -> own(segment).put(key.clone(), value.clone()));
  }

  @Override
  public void delete(Segment segment, byte[] key) {
    store.operations().count(segment, StoreOperations.Kind.DELETE);
    active(() -> own(segment).put(key.clone(), DELETED));
  }

  private NavigableMap<byte[], byte[]> own(Segment segment) {
    return writes.computeIfAbsent(segment, s -> new TreeMap<>(Bytes::compareUnsigned));
  }

  @Override
  public void commit() {
    active(
        () -> {
          try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<Segment, NavigableMap<byte[], byte[]>> segment : writes.entrySet()) {
              ColumnFamilyHandle handle = store.handle(segment.getKey());
              for (Map.Entry<byte[], byte[]> write : segment.getValue().entrySet()) {
                if (write.getValue() == DELETED) {
                  batch.delete(handle, write.getKey());
                } else {
                  batch.put(handle, write.getKey(), write.getValue());
                }
              }
            }
            store.db().write(store.syncWrites(), batch);
            store.operations().commit();
          } catch (RocksDBException e) {
            throw new StorageException("commit failed", e);
          }
          return null;
        });
    close();
  }

  @Override
  public void rollback() {
    active(() -> null);
    close();
  }

  /** Discards the transaction if still open; frees its iterators. Idempotent. */
  @Override
  public void close() {
    store.release(store.resources(), freer);
  }

  /** Called once, through the store's resource registry. */
  private void free() {
    done = true;
    iterators.releaseAll();
  }

  private <T> T active(Supplier<T> action) {
    return store.guarded(
        () -> {
          if (done) {
            throw new IllegalStateException("the transaction is already committed or rolled back");
          }
          return action.get();
        });
  }
}

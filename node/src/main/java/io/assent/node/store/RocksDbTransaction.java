package io.assent.node.store;

import java.util.Optional;
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

  private final RocksDbKeyValueStore store;
  private final PendingWrites writes = new PendingWrites();
  private final StoreOperations.Local operations = new StoreOperations.Local();
  private final NativeResources iterators = new NativeResources();
  private final AutoCloseable freer = this::free;
  private volatile boolean done; // set by free(), perhaps on the closing store's thread

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
    operations.count(segment, StoreOperations.Kind.GET);
    requireOpen();
    return writes.read(
        segment,
        key,
        () ->
            active(
                () -> {
                  try {
                    return Optional.ofNullable(
                        store.db().get(store.handle(segment), store.reads(), key));
                  } catch (RocksDBException e) {
                    throw new StorageException("read failed in " + segment, e);
                  }
                }));
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
    operations.count(segment, StoreOperations.Kind.SCAN);
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
              writes.under(segment, prefix, reverse), stored, reverse);
        });
  }

  // Writes, and reads of the transaction's own writes, touch no native resource: they need not
  // take the store's guard (a shared read lock, which the commit thread took some ten times per
  // grant: a tenth of its Java samples, JFR, 2026-11-30). A store that closes frees the
  // transaction, which then refuses them as done.

  @Override
  public void put(Segment segment, byte[] key, byte[] value) {
    operations.count(segment, StoreOperations.Kind.PUT);
    requireOpen();
    writes.put(segment, key, value);
  }

  @Override
  public void delete(Segment segment, byte[] key) {
    operations.count(segment, StoreOperations.Kind.DELETE);
    requireOpen();
    writes.delete(segment, key);
  }

  @Override
  public void commit() {
    active(
        () -> {
          try (WriteBatch batch = new WriteBatch()) {
            writes.forEach((segment, key, value) -> add(batch, store.handle(segment), key, value));
            store.db().write(store.syncWrites(), batch);
            store.operations().commit();
          } catch (RocksDBException e) {
            throw new StorageException("commit failed", e);
          }
          return null;
        });
    close();
  }

  private static void add(WriteBatch batch, ColumnFamilyHandle handle, byte[] key, byte[] value) {
    try {
      if (value == null) {
        batch.delete(handle, key);
      } else {
        batch.put(handle, key, value);
      }
    } catch (RocksDBException e) {
      throw new StorageException("commit failed", e);
    }
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
    store.operations().add(operations);
  }

  private <T> T active(Supplier<T> action) {
    return store.guarded(
        () -> {
          requireOpen();
          return action.get();
        });
  }

  private void requireOpen() {
    if (done) {
      throw new IllegalStateException("the transaction is already committed or rolled back");
    }
  }
}

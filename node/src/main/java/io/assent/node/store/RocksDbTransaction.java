package io.assent.node.store;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;

/**
 * A transaction of {@link RocksDbKeyValueStore}: an indexed write batch, read together with the
 * database so that reads see the transaction's own writes; written with one synced write on commit.
 * Not thread-safe: one thread uses a transaction.
 */
final class RocksDbTransaction implements Transaction {

  private final RocksDbKeyValueStore store;
  // overwriteKey = true: the batch keeps only the latest write of each key, which its
  // iterator-with-base needs to show a consistent view.
  private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
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
          try {
            return Optional.ofNullable(
                batch.getFromBatchAndDB(store.db(), store.handle(segment), store.reads(), key));
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
          return RocksDbPrefixSpliterator.stream(
              store,
              iterators,
              iterators.register(
                  batch.newIteratorWithBase(
                      store.handle(segment),
                      store.db().newIterator(store.handle(segment), bounds.options()))),
              bounds,
              prefix,
              reverse);
        });
  }

  @Override
  public void put(Segment segment, byte[] key, byte[] value) {
    store.operations().count(segment, StoreOperations.Kind.PUT);
    active(
        () -> {
          try {
            batch.put(store.handle(segment), key, value);
            return null;
          } catch (RocksDBException e) {
            throw new StorageException("write failed in " + segment, e);
          }
        });
  }

  @Override
  public void delete(Segment segment, byte[] key) {
    store.operations().count(segment, StoreOperations.Kind.DELETE);
    active(
        () -> {
          try {
            batch.delete(store.handle(segment), key);
            return null;
          } catch (RocksDBException e) {
            throw new StorageException("delete failed in " + segment, e);
          }
        });
  }

  @Override
  public void commit() {
    active(
        () -> {
          try {
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

  /** Discards the transaction if still open; frees its batch and iterators. Idempotent. */
  @Override
  public void close() {
    store.release(store.resources(), freer);
  }

  /** Called once, through the store's resource registry. */
  private void free() {
    done = true;
    iterators.releaseAll();
    batch.close();
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

package io.assent.node.anchor;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.web3j.crypto.Hash;

/**
 * The anchorer's side of {@code CONSENT_QUEUE}: counts what waits, and moves up to N queued entries
 * into a new {@link Batch} in ONE transaction (entries deleted, batch written, counter advanced),
 * so a crash can neither lose nor duplicate them.
 *
 * <p>The queue is appended at its counter and drained only here, from the front, so the live
 * entries of each queue are exactly the sequences [head, next). The head is kept in memory once
 * found, and checked with one read before each use (another instance may have drained meanwhile):
 * counting and taking then read single keys and never walk the deleted entries at the front, which
 * stay in RocksDB as tombstones until compaction (thousands per batch; JFR showed the anchorer's
 * rounds spending most of their time stepping over them).
 */
final class BatchQueue {
  private final KeyValueStore store;
  private final SecureRandom random = new SecureRandom();
  private final Map<Byte, Long> heads = new HashMap<>();
  private final RecentTrees trees;

  BatchQueue(KeyValueStore store) {
    this(store, new RecentTrees());
  }

  BatchQueue(KeyValueStore store, RecentTrees trees) {
    this.store = store;
    this.trees = trees;
  }

  /** Queued leaves: next sequence minus the oldest still queued (the queue drains in order). */
  long queuedLeaves() {
    return queued(store, AnchorQueueKeys.LEAVES);
  }

  long queuedWithdrawals() {
    return queued(store, AnchorQueueKeys.WITHDRAWALS);
  }

  /** Moves up to {@code limit} entries (leaves first, then withdrawals) into a new batch. */
  Optional<Batch> close(int limit) {
    try (Transaction tx = store.startTransaction()) {
      List<KeyValue> leaves = take(tx, AnchorQueueKeys.LEAVES, limit);
      List<KeyValue> withdrawals = take(tx, AnchorQueueKeys.WITHDRAWALS, limit - leaves.size());
      if (leaves.isEmpty() && withdrawals.isEmpty()) {
        return Optional.empty();
      }
      List<byte[]> leafHashes = leaves.stream().map(KeyValue::value).toList();
      List<byte[]> withdrawn = distinct(withdrawals.stream().map(KeyValue::value).toList());
      Batch batch =
          Batch.created(
              AnchorQueueKeys.nextBatch(tx), leafHashes, withdrawn, root(leafHashes, withdrawn));
      Stream.concat(leaves.stream(), withdrawals.stream())
          .forEach(kv -> tx.delete(Segment.CONSENT_QUEUE, kv.key()));
      tx.put(Segment.CONSENT_QUEUE, AnchorQueueKeys.batch(batch.seq()), batch.encode());
      tx.commit();
      advanceHead(AnchorQueueKeys.LEAVES, leaves);
      advanceHead(AnchorQueueKeys.WITHDRAWALS, withdrawals);
      return Optional.of(batch);
    }
  }

  /**
   * The root of the leaves; a withdraw-only batch gets a random unique root (ANCHOR_ROOTS is keyed
   * by root, and count 0 says there is nothing under it).
   */
  private byte[] root(List<byte[]> leaves, List<byte[]> withdrawn) {
    if (!leaves.isEmpty()) {
      return trees.build(leaves).root();
    }
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    List<byte[]> parts = new ArrayList<>(withdrawn);
    parts.add(0, nonce);
    return Hash.sha3(Bytes.concat(parts.toArray(byte[][]::new)));
  }

  private static List<byte[]> distinct(List<byte[]> ids) {
    java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
    return ids.stream().filter(id -> seen.add(java.nio.ByteBuffer.wrap(id))).toList();
  }

  /** The first {@code limit} live entries, in order. */
  private List<KeyValue> take(Transaction tx, byte[] prefix, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    long next = next(tx, prefix);
    long head = head(tx, prefix, next);
    List<KeyValue> taken = new ArrayList<>();
    for (long seq = head; seq < next && taken.size() < limit; seq++) {
      byte[] key = key(prefix, seq);
      Optional<byte[]> leaf = tx.get(Segment.CONSENT_QUEUE, key);
      if (leaf.isEmpty()) {
        return scan(tx, prefix, limit); // not contiguous after all: take what is there
      }
      taken.add(new KeyValue(key, leaf.get()));
    }
    return taken;
  }

  private static List<KeyValue> scan(Transaction tx, byte[] prefix, int limit) {
    try (Stream<KeyValue> entries = tx.stream(Segment.CONSENT_QUEUE, prefix)) {
      return entries.filter(kv -> kv.key().length == 9).limit(limit).toList();
    }
  }

  private void advanceHead(byte[] prefix, List<KeyValue> taken) {
    if (!taken.isEmpty()) {
      heads.put(prefix[0], Bytes.toLong(taken.get(taken.size() - 1).key(), 1) + 1);
    }
  }

  private long queued(KeyValueReader reader, byte[] prefix) {
    long next = next(reader, prefix);
    return next - head(reader, prefix, next);
  }

  /** The sequence of the oldest live entry ({@code next} when the queue is empty). */
  private long head(KeyValueReader reader, byte[] prefix, long next) {
    Long known = heads.get(prefix[0]);
    if (known != null
        && known <= next
        && (known == next || reader.get(Segment.CONSENT_QUEUE, key(prefix, known)).isPresent())) {
      return known;
    }
    long found;
    try (Stream<KeyValue> entries = reader.stream(Segment.CONSENT_QUEUE, prefix)) {
      found =
          entries
              .filter(kv -> kv.key().length == 9)
              .findFirst()
              .map(kv -> Bytes.toLong(kv.key(), 1))
              .orElse(next);
    }
    heads.put(prefix[0], found);
    return found;
  }

  /** The queue's counter: the sequence the next entry gets. */
  private static long next(KeyValueReader reader, byte[] prefix) {
    return reader
        .get(Segment.CONSENT_QUEUE, Bytes.concat(new byte[] {'#'}, prefix))
        .map(b -> Bytes.toLong(b, 0))
        .orElse(0L);
  }

  private static byte[] key(byte[] prefix, long seq) {
    return Bytes.concat(prefix, Bytes.longBytes(seq));
  }
}

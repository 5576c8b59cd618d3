package io.assent.node.chain;

import io.assent.node.store.Bytes;
import io.assent.node.store.IncompatibleDatabaseException;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Rebuilds the chain-derived index for a new {@link IndexScope}: clears every segment whose {@link
 * Segment.Origin} is the chain (the follower's cursor included), so that the follower syncs them
 * again from the scope's start block. What only this node holds (consents, their keys and states,
 * the anchor queue) is not touched. Run with the node stopped.
 *
 * <p>A marker (segment METADATA, key {@code "index-rebuild"}: phase (1 byte), then the block the
 * old index had reached (8, big-endian)) makes it safe to interrupt:
 *
 * <ul>
 *   <li>while clearing, the index is neither the old one nor empty: a node refuses to start ({@link
 *       #requireComplete}) until a rebuild runs to its end;
 *   <li>once cleared, until the new index is back at the old one's block ({@link #replayingUntil}),
 *       the absence of an anchor in it proves nothing: the anchorer waits instead of taking its
 *       batches for reorged.
 * </ul>
 */
public final class IndexRebuild {
  static final byte[] KEY = "index-rebuild".getBytes(StandardCharsets.UTF_8);
  private static final byte CLEARING = 1;
  private static final byte REPLAYING = 2;
  private static final int DELETES_PER_TRANSACTION = 10_000;

  private IndexRebuild() {}

  /**
   * @param cleared entries deleted from the chain-derived segments
   * @param replayUntil the block the old index had reached; anchoring resumes once past it
   */
  public record Result(long cleared, long replayUntil) {}

  /** Clears the chain-derived index and records {@code scope}; the next start re-syncs it. */
  public static Result rebuild(KeyValueStore store, IndexScope scope) {
    // An interrupted rebuild already cleared the cursor: keep the block it had recorded.
    long until =
        Math.max(
            marker(store).map(Marker::block).orElse(-1L),
            SyncCursor.stored(store).map(SyncCursor::blockNumber).orElse(-1L));
    write(store, new Marker(CLEARING, until));
    long cleared = 0;
    for (Segment segment : Segment.values()) {
      if (segment.origin() == Segment.Origin.CHAIN) {
        cleared += clear(store, segment);
      }
    }
    try (Transaction tx = store.startTransaction()) {
      scope.record(tx);
      tx.put(Segment.METADATA, KEY, new Marker(REPLAYING, until).encode());
      tx.commit();
    }
    store.compact(
        Arrays.stream(Segment.values())
            .filter(segment -> segment.origin() == Segment.Origin.CHAIN)
            .toArray(Segment[]::new));
    return new Result(cleared, until);
  }

  /** Throws {@link IncompatibleDatabaseException} if a rebuild was interrupted while clearing. */
  public static void requireComplete(KeyValueReader reader) {
    if (marker(reader).filter(m -> m.phase() == CLEARING).isPresent()) {
      throw new IncompatibleDatabaseException(
          "a rebuild of the index was interrupted: run `assent-node reindex` again");
    }
  }

  /**
   * While the index is being re-synced after a rebuild and has not yet reached the block the old
   * index had, that block: until then the index may lack anchors the chain holds. Empty otherwise;
   * once past that block, forgets the marker.
   */
  public static OptionalLong replayingUntil(KeyValueStore store) {
    Optional<Marker> marker = marker(store);
    if (marker.isEmpty()) {
      return OptionalLong.empty();
    }
    long reached = SyncCursor.stored(store).map(SyncCursor::blockNumber).orElse(-1L);
    if (marker.get().phase() == CLEARING || reached < marker.get().block()) {
      return OptionalLong.of(marker.get().block());
    }
    try (Transaction tx = store.startTransaction()) {
      tx.delete(Segment.METADATA, KEY);
      tx.commit();
    }
    return OptionalLong.empty();
  }

  /** Deletes every entry of {@code segment}, in transactions of a bounded size. */
  private static long clear(KeyValueStore store, Segment segment) {
    long cleared = 0;
    List<byte[]> keys = new ArrayList<>(DELETES_PER_TRANSACTION);
    // The iterator reads a snapshot, so deleting behind it neither skips nor repeats an entry.
    try (Stream<KeyValue> entries = store.stream(segment, new byte[0])) {
      Iterator<KeyValue> it = entries.iterator();
      while (it.hasNext()) {
        keys.add(it.next().key());
        if (keys.size() == DELETES_PER_TRANSACTION || !it.hasNext()) {
          delete(store, segment, keys);
          cleared += keys.size();
          keys.clear();
        }
      }
    }
    return cleared;
  }

  private static void delete(KeyValueStore store, Segment segment, List<byte[]> keys) {
    try (Transaction tx = store.startTransaction()) {
      keys.forEach(key -> tx.delete(segment, key));
      tx.commit();
    }
  }

  private record Marker(byte phase, long block) {
    byte[] encode() {
      return Bytes.concat(new byte[] {phase}, Bytes.longBytes(block));
    }
  }

  private static Optional<Marker> marker(KeyValueReader reader) {
    return reader
        .get(Segment.METADATA, KEY)
        .map(bytes -> new Marker(bytes[0], Bytes.toLong(bytes, 1)));
  }

  private static void write(KeyValueStore store, Marker marker) {
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.METADATA, KEY, marker.encode());
      tx.commit();
    }
  }
}

package io.assent.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.store.ForwardingKeyValueStore;
import io.assent.node.store.ForwardingTransaction;
import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.IncompatibleDatabaseException;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IndexRebuildTest {
  private static final IndexScope SCOPE =
      IndexScope.of(7, Map.of("didRegistry", "0x" + "aa".repeat(20)));

  private final KeyValueStore store = new InMemoryKeyValueStore();

  @Test
  void clearsWhatTheChainGaveAndKeepsWhatOnlyTheNodeHolds() {
    for (Segment segment : Segment.values()) {
      put(segment, 3); // 3 entries in every segment
    }
    SyncCursors.store(store, 120);

    IndexRebuild.Result result = IndexRebuild.rebuild(store, SCOPE);

    long chainSegments =
        Stream.of(Segment.values()).filter(s -> s.origin() == Segment.Origin.CHAIN).count();
    assertThat(result.cleared()).isEqualTo(3 * chainSegments + 1); // and the cursor
    assertThat(result.replayUntil()).isEqualTo(120);
    for (Segment segment : Segment.values()) {
      if (segment.origin() == Segment.Origin.CHAIN) {
        assertThat(entries(segment)).as(segment.name()).isEmpty();
      } else {
        assertThat(entries(segment))
            .as(segment.name())
            .hasSizeGreaterThanOrEqualTo(3)
            .extracting(kv -> kv.key()[0])
            .contains((byte) 'k');
      }
    }
    assertThat(SyncCursor.stored(store)).isEmpty(); // the follower starts at the start block
    assertThat(IndexScope.stored(store)).contains(SCOPE);
    IndexRebuild.requireComplete(store);
  }

  @Test
  void anchoringWaitsUntilTheNewIndexIsBackWhereTheOldOneWas() {
    SyncCursors.store(store, 120);
    IndexRebuild.rebuild(store, SCOPE);

    assertThat(IndexRebuild.replayingUntil(store)).hasValue(120);
    SyncCursors.store(store, 119);
    assertThat(IndexRebuild.replayingUntil(store)).hasValue(120);
    SyncCursors.store(store, 120);
    assertThat(IndexRebuild.replayingUntil(store)).isEmpty();
    assertThat(store.get(Segment.METADATA, IndexRebuild.KEY)).isEmpty();

    SyncCursors.store(store, 3); // a later reorg, or a later rebuild of a young index
    assertThat(IndexRebuild.replayingUntil(store)).isEmpty();
  }

  @Test
  void aNodeWithoutRebuildsNeverWaits() {
    assertThat(IndexRebuild.replayingUntil(store)).isEmpty();
    IndexRebuild.requireComplete(store);
  }

  @Test
  void aRebuildInterruptedWhileClearingIsRefusedUntilRunAgainAndKeepsTheOldBlock() {
    SyncCursors.store(store, 120);
    put(Segment.DID_EVENTS, 3);
    // Commits: the marker, the cursor's deletion, then DID_EVENTS' deletion fails.
    KeyValueStore failing = new FailingOnNthCommit(store, 3);
    assertThatThrownBy(() -> IndexRebuild.rebuild(failing, SCOPE))
        .isInstanceOf(IllegalStateException.class);
    assertThat(SyncCursor.stored(store)).isEmpty(); // CHAIN_CURSOR was cleared first

    assertThatThrownBy(() -> IndexRebuild.requireComplete(store))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("run `assent-node reindex` again");
    assertThat(IndexRebuild.replayingUntil(store)).hasValue(120);

    IndexRebuild.Result again = IndexRebuild.rebuild(store, SCOPE);
    assertThat(again.replayUntil()).isEqualTo(120);
    assertThat(entries(Segment.DID_EVENTS)).isEmpty();
    IndexRebuild.requireComplete(store);
  }

  private void put(Segment segment, int count) {
    try (Transaction tx = store.startTransaction()) {
      for (int i = 0; i < count; i++) {
        tx.put(segment, new byte[] {'k', (byte) i}, new byte[] {1});
      }
      tx.commit();
    }
  }

  private List<KeyValue> entries(Segment segment) {
    try (Stream<KeyValue> s = store.stream(segment, new byte[0])) {
      return s.toList();
    }
  }

  /** A store whose n-th commit fails, as a crash there would leave it. */
  private static final class FailingOnNthCommit extends ForwardingKeyValueStore {
    private int commitsLeft;

    FailingOnNthCommit(KeyValueStore store, int n) {
      super(store);
      this.commitsLeft = n;
    }

    @Override
    public Transaction startTransaction() {
      return new ForwardingTransaction(store.startTransaction()) {
        @Override
        public void commit() {
          if (--commitsLeft == 0) {
            throw new IllegalStateException("crash");
          }
          delegate.commit();
        }
      };
    }

    @Override
    public void close() {}
  }
}

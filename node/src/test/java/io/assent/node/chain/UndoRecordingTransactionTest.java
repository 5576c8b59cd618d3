package io.assent.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UndoRecordingTransactionTest {

  private final KeyValueStore store = new InMemoryKeyValueStore();
  private final UndoLog undoLog = new UndoLog();

  private static byte[] b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private long undoRecords() {
    try (Stream<KeyValue> records = store.stream(Segment.CHAIN_UNDO, new byte[0])) {
      return records.count();
    }
  }

  @Test
  void rollingBackRestoresEveryKeyToItsValueBeforeTheBlocks() {
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DID_EVENTS, b(1), b(10));
      tx.put(Segment.DID_EVENTS, b(2), b(20));
      tx.commit();
    }
    try (Transaction tx = store.startTransaction()) {
      UndoRecordingTransaction recording = new UndoRecordingTransaction(tx, undoLog);
      recording.startBlock(5);
      recording.put(Segment.DID_EVENTS, b(1), b(11));
      recording.put(Segment.DID_EVENTS, b(1), b(12)); // second write in the block: no new record
      recording.delete(Segment.DID_EVENTS, b(2));
      recording.startBlock(6);
      recording.put(Segment.DID_EVENTS, b(1), b(13));
      recording.put(Segment.DID_EVENTS, b(3), b(30));
      tx.commit();
    }
    assertThat(undoRecords()).isEqualTo(4);

    try (Transaction tx = store.startTransaction()) {
      assertThat(undoLog.rollBackAbove(tx, 5)).isEqualTo(2);
      tx.commit();
    }
    assertThat(store.get(Segment.DID_EVENTS, b(1)).orElseThrow()).containsExactly(12);
    assertThat(store.get(Segment.DID_EVENTS, b(3))).isEmpty();
    assertThat(store.get(Segment.DID_EVENTS, b(2))).isEmpty();

    try (Transaction tx = store.startTransaction()) {
      assertThat(undoLog.rollBackAbove(tx, 4)).isEqualTo(2);
      tx.commit();
    }
    assertThat(store.get(Segment.DID_EVENTS, b(1)).orElseThrow()).containsExactly(10);
    assertThat(store.get(Segment.DID_EVENTS, b(2)).orElseThrow()).containsExactly(20);
    assertThat(undoRecords()).isZero();
  }

  @Test
  void pruningABlockDeletesOnlyItsRecords() {
    try (Transaction tx = store.startTransaction()) {
      UndoRecordingTransaction recording = new UndoRecordingTransaction(tx, undoLog);
      recording.startBlock(1);
      recording.put(Segment.DID_EVENTS, b(1), b(1));
      recording.startBlock(2);
      recording.put(Segment.DID_EVENTS, b(2), b(2));
      undoLog.prune(tx, 1);
      tx.commit();
    }
    assertThat(undoRecords()).isEqualTo(1);
  }

  @Test
  void handlersMayNotCommitNorTouchTheFollowersSegments() {
    try (Transaction tx = store.startTransaction()) {
      UndoRecordingTransaction recording = new UndoRecordingTransaction(tx, undoLog);
      recording.startBlock(1);
      for (Segment reserved :
          new Segment[] {
            Segment.METADATA, Segment.CHAIN_CURSOR, Segment.CHAIN_BLOCKS, Segment.CHAIN_UNDO
          }) {
        assertThatThrownBy(() -> recording.put(reserved, b(1), b(1)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recording.delete(reserved, b(1)))
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThatThrownBy(recording::commit).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(recording::rollback).isInstanceOf(UnsupportedOperationException.class);
      recording.close();
      recording.put(Segment.DID_EVENTS, b(1), b(1)); // still usable: close is the follower's
      assertThat(recording.get(Segment.DID_EVENTS, b(1))).isPresent();
    }
  }
}

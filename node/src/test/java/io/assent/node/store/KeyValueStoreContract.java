package io.assent.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link KeyValueStore} must have; run against each implementation. */
abstract class KeyValueStoreContract {

  protected KeyValueStore store;

  protected abstract KeyValueStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static byte[] b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  void commit(Segment segment, byte[]... keysAndValues) {
    try (Transaction tx = store.startTransaction()) {
      for (int i = 0; i < keysAndValues.length; i += 2) {
        tx.put(segment, keysAndValues[i], keysAndValues[i + 1]);
      }
      tx.commit();
    }
  }

  static List<String> keys(Stream<KeyValue> stream) {
    try (stream) {
      return stream.map(kv -> java.util.HexFormat.of().formatHex(kv.key())).toList();
    }
  }

  @Test
  void missingKeyIsEmpty() {
    assertThat(store.get(Segment.DID_EVENTS, b(1))).isEmpty();
  }

  @Test
  void writesAreInvisibleUntilCommitThenDurableInTheStore() {
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DID_EVENTS, b(1), b(10));
      tx.put(Segment.DID_IDENTITIES, b(2), b(20));
      assertThat(store.get(Segment.DID_EVENTS, b(1))).isEmpty();
      assertThat(keys(store.stream(Segment.DID_IDENTITIES, b()))).isEmpty();
      tx.commit();
    }
    assertThat(store.get(Segment.DID_EVENTS, b(1)))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(10));
    assertThat(store.get(Segment.DID_IDENTITIES, b(2)))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(20));
  }

  @Test
  void rollbackAndCloseWithoutCommitDiscardWrites() {
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DID_EVENTS, b(1), b(10));
      tx.rollback();
    }
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DID_EVENTS, b(2), b(20));
    }
    assertThat(keys(store.stream(Segment.DID_EVENTS, b()))).isEmpty();
  }

  @Test
  void segmentsAreSeparateKeySpaces() {
    commit(Segment.DID_EVENTS, b(1), b(10));
    assertThat(store.get(Segment.DID_IDENTITIES, b(1))).isEmpty();
    assertThat(keys(store.stream(Segment.CHAIN_UNDO, b()))).isEmpty();
  }

  @Test
  void getThroughTransactionSeesItsOwnPutsAndDeletes() {
    commit(Segment.DID_EVENTS, b(1), b(10), b(2), b(20));
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DID_EVENTS, b(1), b(11));
      tx.delete(Segment.DID_EVENTS, b(2));
      tx.put(Segment.DID_EVENTS, b(3), b(30));
      assertThat(tx.get(Segment.DID_EVENTS, b(1)))
          .hasValueSatisfying(v -> assertThat(v).containsExactly(11));
      assertThat(tx.get(Segment.DID_EVENTS, b(2))).isEmpty();
      assertThat(tx.get(Segment.DID_EVENTS, b(3)))
          .hasValueSatisfying(v -> assertThat(v).containsExactly(30));
      tx.delete(Segment.DID_EVENTS, b(3));
      assertThat(tx.get(Segment.DID_EVENTS, b(3))).isEmpty();
      assertThat(store.get(Segment.DID_EVENTS, b(1)))
          .hasValueSatisfying(v -> assertThat(v).containsExactly(10));
    }
  }

  @Test
  void streamsKeysUnderThePrefixInUnsignedOrder() {
    commit(
        Segment.DID_EVENTS,
        b(0x00, 0xff),
        b(0),
        b(0x01, 0x80),
        b(0),
        b(0x01),
        b(0),
        b(0x01, 0x7f),
        b(0),
        b(0x01, 0xff, 0x00),
        b(0),
        b(0x02),
        b(0),
        b(0x02, 0x00),
        b(0));
    assertThat(keys(store.stream(Segment.DID_EVENTS, b(0x01))))
        .containsExactly("01", "017f", "0180", "01ff00");
    assertThat(keys(store.streamReverse(Segment.DID_EVENTS, b(0x01))))
        .containsExactly("01ff00", "0180", "017f", "01");
    assertThat(keys(store.stream(Segment.DID_EVENTS, b())))
        .containsExactly("00ff", "01", "017f", "0180", "01ff00", "02", "0200");
    assertThat(keys(store.streamReverse(Segment.DID_EVENTS, b())))
        .containsExactly("0200", "02", "01ff00", "0180", "017f", "01", "00ff");
  }

  @Test
  void anIteratorAskedAgainAfterTheLastEntryStillSaysThereIsNoMore() {
    commit(Segment.DID_EVENTS, b(0x01), b(0), b(0x01, 0x01), b(0));
    for (byte[] prefix : List.of(b(), b(0x01))) {
      for (boolean reverse : new boolean[] {false, true}) {
        try (Stream<KeyValue> entries =
            reverse
                ? store.streamReverse(Segment.DID_EVENTS, prefix)
                : store.stream(Segment.DID_EVENTS, prefix)) {
          Iterator<KeyValue> it = entries.iterator();
          it.next();
          it.next();
          // Iterator.hasNext asks the stream's spliterator again each time it is at the end: a
          // RocksDB iterator stepped past its end aborts the process.
          assertThat(it.hasNext()).isFalse();
          assertThat(it.hasNext()).isFalse();
        }
      }
    }
  }

  @Test
  void streamsAPrefixOfMaximalBytes() {
    commit(
        Segment.DID_EVENTS,
        b(0xfe),
        b(0),
        b(0xff),
        b(0),
        b(0xff, 0xff),
        b(0),
        b(0xff, 0xff, 0x01),
        b(0));
    assertThat(keys(store.stream(Segment.DID_EVENTS, b(0xff, 0xff))))
        .containsExactly("ffff", "ffff01");
    assertThat(keys(store.streamReverse(Segment.DID_EVENTS, b(0xff, 0xff))))
        .containsExactly("ffff01", "ffff");
    assertThat(keys(store.streamReverse(Segment.DID_EVENTS, b(0xfe)))).containsExactly("fe");
    assertThat(keys(store.stream(Segment.DID_EVENTS, b(0x10)))).isEmpty();
    assertThat(keys(store.streamReverse(Segment.DID_EVENTS, b(0x10)))).isEmpty();
  }

  @Test
  void transactionStreamsSeeItsOwnWrites() {
    commit(Segment.DID_EVENTS, b(1, 1), b(1), b(1, 2), b(2), b(1, 3), b(3), b(2, 1), b(9));
    try (Transaction tx = store.startTransaction()) {
      tx.delete(Segment.DID_EVENTS, b(1, 2));
      tx.put(Segment.DID_EVENTS, b(1, 4), b(4));
      tx.put(Segment.DID_EVENTS, b(1, 1), b(11));
      tx.put(Segment.DID_EVENTS, b(0, 9), b(0));
      tx.put(Segment.DID_EVENTS, b(2), b(0)); // the prefix's end: never part of it
      assertThat(keys(tx.stream(Segment.DID_EVENTS, b(1)))).containsExactly("0101", "0103", "0104");
      assertThat(keys(tx.streamReverse(Segment.DID_EVENTS, b(1))))
          .containsExactly("0104", "0103", "0101");
      try (Stream<KeyValue> s = tx.stream(Segment.DID_EVENTS, b(1, 1))) {
        assertThat(s.findFirst().orElseThrow().value()).containsExactly(11);
      }
    }
    assertThat(keys(store.stream(Segment.DID_EVENTS, b(1))))
        .containsExactly("0101", "0102", "0103");
  }

  @Test
  void transactionStreamsInterleaveItsWritesWithStoredEntriesBothWays() {
    commit(Segment.DID_EVENTS, b(5, 2), b(2), b(5, 4), b(4), b(5, 0xff), b(6));
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DID_EVENTS, b(5, 1), b(1)); // before every stored entry
      tx.put(Segment.DID_EVENTS, b(5, 3), b(3)); // between two
      tx.delete(Segment.DID_EVENTS, b(5, 0xff)); // the last stored entry, deleted
      tx.put(Segment.DID_EVENTS, b(5, 0xff, 1), b(7)); // after every stored entry
      tx.delete(Segment.DID_EVENTS, b(5, 9)); // a delete of nothing stored
      tx.put(Segment.DID_EVENTS, b(5, 2), b());
      tx.delete(Segment.DID_EVENTS, b(5, 2)); // the last write of a key wins
      tx.put(Segment.DID_EVENTS, b(5, 4), b());
      assertThat(keys(tx.stream(Segment.DID_EVENTS, b(5))))
          .containsExactly("0501", "0503", "0504", "05ff01");
      assertThat(keys(tx.streamReverse(Segment.DID_EVENTS, b(5))))
          .containsExactly("05ff01", "0504", "0503", "0501");
      assertThat(tx.get(Segment.DID_EVENTS, b(5, 4)).orElseThrow()).isEmpty(); // empty, not absent
      assertThat(tx.get(Segment.DID_EVENTS, b(5, 2))).isEmpty();
      tx.commit();
    }
    assertThat(keys(store.stream(Segment.DID_EVENTS, b(5))))
        .containsExactly("0501", "0503", "0504", "05ff01");
    assertThat(store.get(Segment.DID_EVENTS, b(5, 4)).orElseThrow()).isEmpty();
  }

  @Test
  void aTransactionMayWriteWhileItReadsAStream() {
    commit(Segment.DID_EVENTS, b(1, 1), b(1), b(1, 2), b(2));
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DID_EVENTS, b(1, 3), b(3));
      try (Stream<KeyValue> s = tx.stream(Segment.DID_EVENTS, b(1))) {
        s.forEach(kv -> tx.delete(Segment.DID_EVENTS, kv.key()));
      }
      assertThat(keys(tx.stream(Segment.DID_EVENTS, b(1)))).isEmpty();
      tx.commit();
    }
    assertThat(keys(store.stream(Segment.DID_EVENTS, b(1)))).isEmpty();
  }

  @Test
  void aTransactionCannotBeUsedAfterCommitOrRollback() {
    Transaction tx = store.startTransaction();
    tx.put(Segment.DID_EVENTS, b(1), b(1));
    tx.commit();
    assertThatThrownBy(() -> tx.put(Segment.DID_EVENTS, b(2), b(2)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
    tx.close();
    Transaction other = store.startTransaction();
    other.rollback();
    assertThatThrownBy(() -> other.get(Segment.DID_EVENTS, b(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.get(Segment.DID_EVENTS, b(2))).isEmpty();
  }

  @Test
  void arraysAreNotSharedWithTheCaller() {
    byte[] key = b(1);
    byte[] value = b(10);
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DID_EVENTS, key, value);
      key[0] = 2;
      value[0] = 20;
      tx.commit();
    }
    store.get(Segment.DID_EVENTS, b(1)).orElseThrow()[0] = 99;
    assertThat(store.get(Segment.DID_EVENTS, b(1)).orElseThrow()).containsExactly(10);
    assertThat(store.get(Segment.DID_EVENTS, b(2))).isEmpty();
  }

  @Test
  void aClosedStoreRefusesEveryCall() {
    store.close();
    assertThatThrownBy(() -> store.get(Segment.DID_EVENTS, b(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(store::startTransaction).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> keys(store.stream(Segment.DID_EVENTS, b())))
        .isInstanceOf(IllegalStateException.class);
    store.close(); // idempotent
  }

  @Test
  void manyKeysStreamInOrder() {
    try (Transaction tx = store.startTransaction()) {
      for (long i = 999; i >= 0; i--) {
        tx.put(Segment.CHAIN_BLOCKS, Bytes.longBytes(i * 300), Bytes.longBytes(i));
      }
      tx.commit();
    }
    try (Stream<KeyValue> s = store.stream(Segment.CHAIN_BLOCKS, b())) {
      assertThat(s.map(kv -> Bytes.toLong(kv.value(), 0)).toList())
          .isEqualTo(java.util.stream.LongStream.range(0, 1000).boxed().toList());
    }
  }
}

package io.assent.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import org.junit.jupiter.api.Test;

class SyncCursorCodecTest {

  private final SyncCursor cursor =
      new SyncCursor(123_456, "0x" + "ab".repeat(32), "0x" + "cd".repeat(32));

  @Test
  void roundTrips() {
    SyncCursorCodec codec = new SyncCursorCodec();
    assertThat(codec.fromBytes(codec.toBytes(cursor))).isEqualTo(cursor);
    assertThat(codec.toBytes(cursor)).hasSize(73).startsWith(1);
  }

  @Test
  void refusesAnotherFormat() {
    byte[] bytes = new SyncCursorCodec().toBytes(cursor);
    bytes[0] = 2;
    assertThatThrownBy(() -> new SyncCursorCodec().fromBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 2");
  }

  @Test
  void theInitialCursorIsStoredAsNoCursor() {
    try (KeyValueStore store = new InMemoryKeyValueStore()) {
      assertThat(SyncCursor.load(store, 10)).isEqualTo(SyncCursor.initial(10));
      try (Transaction tx = store.startTransaction()) {
        cursor.save(tx);
        tx.commit();
      }
      assertThat(SyncCursor.load(store, 10)).isEqualTo(cursor);
      try (Transaction tx = store.startTransaction()) {
        SyncCursor.initial(10).save(tx);
        tx.commit();
      }
      assertThat(SyncCursor.load(store, 10))
          .isEqualTo(new SyncCursor(9, null, IndexDigest.INITIAL_HEX));
    }
  }
}

package io.assent.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ColumnTest {

  private final Column<Long, String> names =
      new Column<>(Segment.DID_IDENTITIES, Serializer.LONG, Serializer.UTF8);

  @Test
  void readsAndWritesTypedEntriesInKeyOrder() {
    try (KeyValueStore store = new InMemoryKeyValueStore()) {
      try (Transaction tx = store.startTransaction()) {
        names.put(tx, 300L, "three hundred");
        names.put(tx, 2L, "two");
        names.put(tx, 1L, "one ✓");
        names.delete(tx, 1L);
        assertThat(names.get(tx, 2L)).contains("two");
        tx.commit();
      }
      assertThat(names.get(store, 1L)).isEmpty();
      try (Stream<Map.Entry<Long, String>> entries = names.stream(store, new byte[0])) {
        assertThat(entries.map(Map.Entry::getKey).toList()).containsExactly(2L, 300L);
      }
      try (Stream<Map.Entry<Long, String>> entries = names.streamReverse(store, new byte[0])) {
        assertThat(entries.map(Map.Entry::getValue).toList())
            .containsExactly("three hundred", "two");
      }
    }
  }

  @Test
  void serializersRefuseMalformedBytes() {
    assertThatThrownBy(() -> Serializer.LONG.fromBytes(new byte[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 8 bytes");
    assertThatThrownBy(() -> Serializer.INT.fromBytes(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Serializer.UTF8.fromBytes(Serializer.UTF8.toBytes("é"))).isEqualTo("é");
    byte[] raw = {1, 2};
    byte[] stored = Serializer.BYTES.toBytes(raw);
    raw[0] = 9;
    assertThat(stored).containsExactly(1, 2);
  }
}

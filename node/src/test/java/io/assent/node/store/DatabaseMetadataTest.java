package io.assent.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatabaseMetadataTest {

  private final Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
  private final KeyValueStore store = new InMemoryKeyValueStore();

  @Test
  void writesTheRecordOnFirstOpenAndReadsItBackLater() {
    DatabaseMetadata created = DatabaseMetadata.initOrVerify(store, 31337, clock);
    assertThat(created)
        .isEqualTo(
            new DatabaseMetadata(DatabaseMetadata.CURRENT_SCHEMA_VERSION, clock.instant(), 31337));
    Clock later = Clock.offset(clock, java.time.Duration.ofDays(3));
    assertThat(DatabaseMetadata.initOrVerify(store, 31337, later)).isEqualTo(created);
  }

  @Test
  void refusesADatabaseOfAnotherChain() {
    DatabaseMetadata.initOrVerify(store, 31337, clock);
    assertThatThrownBy(() -> DatabaseMetadata.initOrVerify(store, 1, clock))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("chain id 31337")
        .hasMessageContaining("configured for chain id 1");
  }

  @Test
  void refusesANewerSchemaVersion() {
    byte[] newer =
        ByteBuffer.allocate(24)
            .putInt(DatabaseMetadata.CURRENT_SCHEMA_VERSION + 1)
            .putLong(0)
            .putLong(31337)
            .putInt(7)
            .array();
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.METADATA, DatabaseMetadata.KEY, newer);
      tx.commit();
    }
    assertThatThrownBy(() -> DatabaseMetadata.initOrVerify(store, 31337, clock))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("schema version 2, newer than this node supports (1)");
  }

  @Test
  void refusesACorruptRecord() {
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.METADATA, DatabaseMetadata.KEY, new byte[] {0, 0});
      tx.commit();
    }
    assertThatThrownBy(() -> DatabaseMetadata.initOrVerify(store, 31337, clock))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("corrupt");
  }
}

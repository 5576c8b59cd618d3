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
        .hasMessageContaining(
            "schema version "
                + (DatabaseMetadata.CURRENT_SCHEMA_VERSION + 1)
                + ", newer than this node supports ("
                + DatabaseMetadata.CURRENT_SCHEMA_VERSION
                + ")");
  }

  @Test
  void migratesAnOlderDatabaseStepByStepRecordingEachVersionWithItsStep() {
    writeVersion(1);
    java.util.List<Integer> ran = new java.util.ArrayList<>();
    java.util.Map<Integer, DatabaseMetadata.Migration> steps = new java.util.HashMap<>();
    for (int v = 1; v < DatabaseMetadata.CURRENT_SCHEMA_VERSION; v++) {
      int from = v;
      steps.put(
          v,
          (s, tx) -> {
            ran.add(from);
            tx.put(Segment.METADATA, ("step" + from).getBytes(), new byte[] {1});
          });
    }

    DatabaseMetadata migrated =
        DatabaseMetadata.initOrVerify(store, 31337, clock).migrate(store, steps);

    assertThat(migrated.schemaVersion()).isEqualTo(DatabaseMetadata.CURRENT_SCHEMA_VERSION);
    assertThat(ran).hasSize(DatabaseMetadata.CURRENT_SCHEMA_VERSION - 1).isSorted();
    assertThat(DatabaseMetadata.initOrVerify(store, 31337, clock)).isEqualTo(migrated);
    assertThat(store.get(Segment.METADATA, "step1".getBytes())).isPresent();
    assertThat(migrated.migrate(store, steps)).as("nothing left to do").isEqualTo(migrated);
    assertThat(ran).hasSize(DatabaseMetadata.CURRENT_SCHEMA_VERSION - 1);
  }

  @Test
  void refusesAnOlderDatabaseItHasNoStepFor() {
    writeVersion(1);
    DatabaseMetadata old = DatabaseMetadata.initOrVerify(store, 31337, clock);

    assertThatThrownBy(() -> old.migrate(store, java.util.Map.of()))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("schema version 1, which this node cannot upgrade");
    assertThat(DatabaseMetadata.initOrVerify(store, 31337, clock).schemaVersion()).isEqualTo(1);
  }

  private void writeVersion(int version) {
    try (Transaction tx = store.startTransaction()) {
      tx.put(
          Segment.METADATA,
          DatabaseMetadata.KEY,
          new DatabaseMetadata(version, clock.instant(), 31337).encode());
      tx.commit();
    }
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

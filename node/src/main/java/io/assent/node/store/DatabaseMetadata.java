package io.assent.node.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Facts about the database itself, written on first open: the schema version of its layout, when it
 * was created, and the chain it indexes. A node refuses a database with a newer schema (written by
 * a newer node) or for another chain, instead of misreading it.
 *
 * <p>Encoding (segment METADATA, key {@code "database"}): schema version (4 bytes) first, so that
 * any version can read it before the rest; then created-at epoch milliseconds (8) and chain id (8),
 * big-endian. Later versions may append fields.
 */
public record DatabaseMetadata(int schemaVersion, Instant createdAt, long chainId) {

  /**
   * The layout this code reads and writes. Bump it (and add a migration) on any change.
   *
   * <ol>
   *   <li>the first layout
   *   <li>the per-dataset summary counts anchored consents in a time tally instead of reading the
   *       unanchored entries (see the consent package's {@code SummaryMigration})
   *   <li>one entry per used nonce instead of up to three, and no unanchored entries: whether a
   *       consent is anchored is whether its leaf has its proof (the consent package's {@code
   *       NonceMigration})
   *   <li>consent states carry their slot (acceptance sequence); the records, keys and anchor
   *       proofs (in {@code CONSENT_PROOFS}) of consents with one are kept by slot. States,
   *       records, keys and proofs written before stay as they are and are read there (nothing to
   *       migrate: the step only records the version, so that an older node does not misread the
   *       states)
   * </ol>
   */
  public static final int CURRENT_SCHEMA_VERSION = 4;

  /**
   * Brings a database from one schema version to the next. It may first write in transactions of
   * its own (work that is safe to repeat: a crash before the last transaction runs the step again);
   * what must happen once goes into {@code last}, which also records the new version.
   */
  @FunctionalInterface
  public interface Migration {
    void apply(KeyValueStore store, Transaction last);
  }

  static final byte[] KEY = "database".getBytes(StandardCharsets.UTF_8);

  /**
   * Returns the stored metadata, writing it first if the database is new. Throws {@link
   * IncompatibleDatabaseException} if the database has a newer schema or another chain id.
   */
  public static DatabaseMetadata initOrVerify(KeyValueStore store, long chainId, Clock clock) {
    var stored = store.get(Segment.METADATA, KEY);
    if (stored.isEmpty()) {
      DatabaseMetadata created =
          new DatabaseMetadata(
              CURRENT_SCHEMA_VERSION, Instant.ofEpochMilli(clock.millis()), chainId);
      try (Transaction tx = store.startTransaction()) {
        tx.put(Segment.METADATA, KEY, created.encode());
        tx.commit();
      }
      return created;
    }
    DatabaseMetadata metadata = decode(stored.get());
    if (metadata.chainId != chainId) {
      throw new IncompatibleDatabaseException(
          "the database indexes chain id "
              + metadata.chainId
              + " but the node is configured for chain id "
              + chainId
              + "; use another data directory");
    }
    return metadata;
  }

  /**
   * Brings a database an older node wrote up to {@link #CURRENT_SCHEMA_VERSION}: for each version
   * from this one up, runs {@code steps.get(version)} and records the next version in the step's
   * last transaction, so a crash leaves the database at a version from which this resumes. Refuses
   * a version without a step.
   *
   * @return the metadata as it now stands
   */
  public DatabaseMetadata migrate(KeyValueStore store, Map<Integer, Migration> steps) {
    DatabaseMetadata at = this;
    while (at.schemaVersion < CURRENT_SCHEMA_VERSION) {
      Migration step = steps.get(at.schemaVersion);
      if (step == null) {
        throw new IncompatibleDatabaseException(
            "the database has schema version "
                + at.schemaVersion
                + ", which this node cannot upgrade; use another data directory");
      }
      DatabaseMetadata next = new DatabaseMetadata(at.schemaVersion + 1, at.createdAt, at.chainId);
      try (Transaction tx = store.startTransaction()) {
        step.apply(store, tx);
        tx.put(Segment.METADATA, KEY, next.encode());
        tx.commit();
      }
      at = next;
    }
    return at;
  }

  byte[] encode() {
    return ByteBuffer.allocate(20)
        .putInt(schemaVersion)
        .putLong(createdAt.toEpochMilli())
        .putLong(chainId)
        .array();
  }

  /** Decodes the record, refusing a schema version this code does not know. */
  static DatabaseMetadata decode(byte[] bytes) {
    if (bytes.length < Integer.BYTES) {
      throw new IncompatibleDatabaseException("the database metadata record is corrupt");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int version = buffer.getInt();
    if (version > CURRENT_SCHEMA_VERSION) {
      throw new IncompatibleDatabaseException(
          "the database has schema version "
              + version
              + ", newer than this node supports ("
              + CURRENT_SCHEMA_VERSION
              + "); upgrade the node or use another data directory");
    }
    if (version < 1 || buffer.remaining() < 16) {
      throw new IncompatibleDatabaseException(
          "the database metadata record is corrupt (schema version " + version + ")");
    }
    return new DatabaseMetadata(version, Instant.ofEpochMilli(buffer.getLong()), buffer.getLong());
  }
}

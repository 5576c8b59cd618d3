package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.store.FilesContaining;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.node.store.Segment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Crypto-shredding on a real RocksDB: after an erasure and the compaction it is owed ({@link
 * ErasureCompactions}) no file of the database (SST, blob, WAL, MANIFEST, anything) holds the
 * record's key, its plaintext fields or the subject's address.
 */
class ConsentErasureIT {
  private static final String MARKER = "x:ZebraPlaintextMarker4711";

  @TempDir Path dir;

  private final Credentials alice = ConsentFixture.key(1);
  private final ConsentFixture f = new ConsentFixture();

  @Test
  void erasureLeavesNoKeyOrPlaintextInAnyFileOnceCompacted() throws IOException {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir);
        ConsentService service = service(store)) {
      Erased erased = grantAndErase(service, store);
      // Deleted at once: the node answers as if it never had the record.
      assertThat(service.status(erased.id()).status()).isEqualTo("erased");
      assertThat(service.record(erased.id())).isEmpty();
      // Its old versions are still in the files (the write-ahead log) until the compaction.
      assertThat(filesContaining(erased.key())).as("before the compaction").isNotEmpty();
      ErasureCompactions compactions = service.erasureCompactions();
      assertThat(compactions.owed()).isEqualTo(1);

      ErasureCompactions.Served served = compactions.compactIfOwed();

      assertThat(served.erasures()).isEqualTo(1);
      assertThat(served.whole()).as("narrowed to the keys the erasure wrote").isFalse();
      assertThat(served.compactions()).isPositive();

      assertThat(filesContaining(erased.key())).as("files holding the record key").isEmpty();
      assertThat(filesContaining(marker())).as("files holding plaintext").isEmpty();
      assertThat(filesContaining(subject())).as("files holding the subject address").isEmpty();
      assertThat(compactions.owed()).isZero();
      assertThat(compactions.compactIfOwed())
          .as("nothing owed: no compaction")
          .isEqualTo(new ErasureCompactions.Served(0, 0, false));
      assertThat(service.status(erased.id()).status()).isEqualTo("erased");
    }
  }

  @Test
  void anErasureThisInstanceDidNotSeeIsServedByCompactingThePrivateSegmentsWhole()
      throws IOException {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir);
        ConsentService service = service(store)) {
      Erased erased = grantAndErase(service, store);
      // As after a restart: the entry is in the store, the keys it owes were only in memory.
      ErasureCompactions.Served served = new ErasureCompactions(store).compactIfOwed();

      assertThat(served).isEqualTo(new ErasureCompactions.Served(1, 4, true));
      assertThat(filesContaining(erased.key())).as("files holding the record key").isEmpty();
      assertThat(filesContaining(marker())).as("files holding plaintext").isEmpty();
      assertThat(filesContaining(subject())).as("files holding the subject address").isEmpty();
      assertThat(service.erasureCompactions().owed()).isZero();
    }
  }

  @Test
  void aCompactionOwedWhenTheNodeStoppedIsDoneAfterItStartsAgain() throws IOException {
    Erased erased;
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir);
        ConsentService service = service(store)) {
      erased = grantAndErase(service, store);
    }
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir)) {
      ErasureCompactions compactions = new ErasureCompactions(store);
      assertThat(compactions.owed()).isEqualTo(1);
      try (ErasureCompactor compactor = ErasureCompactor.start(compactions, Duration.ofHours(1))) {
        // The first round runs at start; the next would be an hour later.
        awaitNothingOwed(compactions);
      }
      assertThat(filesContaining(erased.key())).as("files holding the record key").isEmpty();
      assertThat(filesContaining(marker())).as("files holding plaintext").isEmpty();
    }
  }

  @Test
  void theCompactorServesErasuresMadeWhileItRuns() throws IOException {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir);
        ConsentService service = service(store)) {
      ErasureCompactions compactions = service.erasureCompactions();
      try (ErasureCompactor compactor =
          ErasureCompactor.start(compactions, Duration.ofMillis(50))) {
        Erased erased = grantAndErase(service, store);
        awaitNothingOwed(compactions);
        assertThat(filesContaining(erased.key())).as("files holding the record key").isEmpty();
        assertThat(filesContaining(marker())).as("files holding plaintext").isEmpty();
      }
    }
  }

  private record Erased(String id, byte[] key) {}

  private ConsentService service(RocksDbKeyValueStore store) {
    return f.serviceOn(store);
  }

  /** Grants a consent whose purposes hold {@link #MARKER}, checks it is on disk, erases it. */
  private Erased grantAndErase(ConsentService service, RocksDbKeyValueStore store)
      throws IOException {
    return erase(service, store, grantMarked(service));
  }

  /** Grants alice a consent whose purposes hold {@link #MARKER}; returns its id. */
  private String grantMarked(ConsentService service) {
    Grant template = f.grant(alice);
    Grant grant =
        new Grant(
            template.subjectDid(),
            template.subject(),
            template.dataset(),
            List.of(MARKER),
            template.processing(),
            template.legalBasis(),
            template.noticeDigest(),
            template.noticeVersion(),
            template.jurisdiction(),
            template.validFrom(),
            template.validUntil(),
            template.nonce());
    return service.accept(grant, f.sign(grant, alice)).consentId();
  }

  /** Checks the consent's key and the marker are on disk, then erases the consent. */
  private Erased erase(ConsentService service, RocksDbKeyValueStore store, String id)
      throws IOException {
    byte[] consentId = Numeric.hexStringToByteArray(id);
    long slot =
        ConsentState.decode(store.get(Segment.CONSENT_STATE, consentId).orElseThrow()).slot();
    byte[] key =
        store.get(Segment.CONSENT_KEYS, io.assent.node.store.Bytes.longBytes(slot)).orElseThrow();
    assertThat(filesContaining(key)).as("the key is on disk before erasure").isNotEmpty();
    assertThat(filesContaining(marker())).as("the marker is on disk before erasure").isNotEmpty();
    SubjectAction erasure = f.action(SubjectAction.Kind.ERASURE, id, alice);
    service.erase(id, erasure, f.sign(erasure, alice));
    return new Erased(id, key);
  }

  /** Polls, with a deadline: the compactor runs on its own thread and tells no one. */
  private static void awaitNothingOwed(ErasureCompactions compactions) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (compactions.owed() > 0) {
      assertThat(System.nanoTime()).as("compaction within 30 s").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // the polling interval
    }
  }

  private static byte[] marker() {
    return MARKER.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] subject() {
    return Numeric.hexStringToByteArray(alice.getAddress());
  }

  private List<Path> filesContaining(byte[] needle) throws IOException {
    return FilesContaining.in(dir, needle);
  }
}

package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.identity.IdentityIndex;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.node.store.Segment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * Crypto-shredding on a real RocksDB: after an erasure no file of the database (SST, WAL, MANIFEST,
 * anything) holds the record's key, its plaintext fields or the subject's address.
 */
class ConsentErasureIT {
  private static final String MARKER = "x:ZebraPlaintextMarker4711";

  @TempDir Path dir;

  @Test
  void erasureLeavesNoKeyOrPlaintextInAnyFile() throws IOException {
    Credentials alice = ConsentFixture.key(1);
    ConsentFixture f = new ConsentFixture();
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir)) {
      ConsentService service =
          new ConsentService(
              store,
              f.signatures,
              new SignerAuthority(new IdentityIndex(store)),
              DatasetDirectory.ACCEPT_ALL,
              f.clock,
              new SummaryWriters());
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
      String id = service.accept(grant, f.sign(grant, alice)).consentId();
      byte[] key = store.get(Segment.CONSENT_KEYS, Numeric.hexStringToByteArray(id)).orElseThrow();
      byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
      byte[] subject = Numeric.hexStringToByteArray(alice.getAddress());
      assertThat(filesContaining(key)).as("the key is on disk before erasure").isNotEmpty();
      assertThat(filesContaining(marker)).as("the marker is on disk before erasure").isNotEmpty();

      SubjectAction erasure = f.action(SubjectAction.Kind.ERASURE, id, alice);
      service.erase(id, erasure, f.sign(erasure, alice));

      assertThat(filesContaining(key)).as("files holding the record key").isEmpty();
      assertThat(filesContaining(marker)).as("files holding plaintext").isEmpty();
      assertThat(filesContaining(subject)).as("files holding the subject address").isEmpty();
      assertThat(service.status(id).status()).isEqualTo("erased");
      assertThat(service.record(id)).isEmpty();
    }
  }

  private List<Path> filesContaining(byte[] needle) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> contains(p, needle)).toList();
    }
  }

  private static boolean contains(Path file, byte[] needle) {
    byte[] haystack;
    try {
      haystack = Files.readAllBytes(file);
    } catch (IOException e) {
      return false;
    }
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

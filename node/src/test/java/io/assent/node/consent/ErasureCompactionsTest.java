package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.store.FilesContaining;
import io.assent.node.store.ForwardingKeyValueStore;
import io.assent.node.store.ForwardingTransaction;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * The erasure compaction is narrowed to the keys the erasure wrote; an old value of the consent's
 * under a key it did not write would survive in the store's files. So: every key of a private
 * segment whose key or value ever held the consent's id or a field of its record, over the
 * consent's whole life (grant, withdrawal, erasure), must be among the keys compacted. (That the
 * compaction of given keys removes all their old versions from the files: {@code
 * RocksDbKeyValueStoreIT}.)
 */
class ErasureCompactionsTest {
  private static final String MARKER = "x:ErasedPurposeMarker";

  private final ConsentFixture f = new ConsentFixture();
  private final Credentials alice = ConsentFixture.key(1);
  private final WriteLog store = new WriteLog(f.store);
  private final ConsentService service = f.serviceOn(store);

  @Test
  void theCompactionCoversEveryPrivateKeyThatEverNamedTheSubjectOrHeldTheRecord() {
    Grant g = ConsentFixture.reshaped(f.grant(alice), List.of(MARKER), ConsentFixture.NOW - 10, 0);
    String id = service.accept(g, f.sign(g, alice)).consentId();
    Grant other = f.grant(alice); // another consent of alice's stays
    service.accept(other, f.sign(other, alice));
    SubjectAction withdrawal = f.action(SubjectAction.Kind.WITHDRAWAL, id, alice);
    service.withdraw(id, withdrawal, f.sign(withdrawal, alice));
    SubjectAction erasure = f.action(SubjectAction.Kind.ERASURE, id, alice);
    service.erase(id, erasure, f.sign(erasure, alice));

    ErasureCompactions.Served served = service.erasureCompactions().compactIfOwed();

    assertThat(served.erasures()).isEqualTo(1);
    assertThat(served.whole()).isFalse();
    Set<String> compacted = keys(store.compacted);
    byte[] consentId = Numeric.hexStringToByteArray(id);
    byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
    List<String> ofTheErased = new ArrayList<>();
    for (Write w : store.writes) {
      if (contains(w.key(), consentId)
          || contains(w.value(), consentId)
          || contains(w.value(), marker)) {
        ofTheErased.add(w.segment() + ":" + Numeric.toHexString(w.key()));
      }
    }
    // Among them, the subject index's key: the subject's address and the consent id.
    byte[] address = Numeric.hexStringToByteArray(alice.getAddress());
    assertThat(store.writes)
        .anyMatch(w -> contains(w.key(), address) && contains(w.key(), consentId));
    assertThat(ofTheErased).as("keys that held the erased consent's data").hasSizeGreaterThan(5);
    assertThat(compacted).containsAll(ofTheErased);
  }

  private static Set<String> keys(Map<Segment, ? extends Collection<byte[]>> bySegment) {
    Set<String> out = new HashSet<>();
    bySegment.forEach(
        (segment, keys) -> keys.forEach(k -> out.add(segment + ":" + Numeric.toHexString(k))));
    return out;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    return FilesContaining.contains(haystack, needle);
  }

  private record Write(Segment segment, byte[] key, byte[] value) {}

  /**
   * A store that logs every put to the private segments, as committed, and what it was asked to
   * compact.
   */
  private static final class WriteLog extends ForwardingKeyValueStore {
    final List<Write> writes = new ArrayList<>();
    Map<Segment, ? extends Collection<byte[]>> compacted = Map.of();

    WriteLog(KeyValueStore store) {
      super(store);
    }

    @Override
    public Transaction startTransaction() {
      List<Write> pending = new ArrayList<>();
      return new ForwardingTransaction(store.startTransaction()) {
        @Override
        public void put(Segment segment, byte[] key, byte[] value) {
          if (RecordVault.isPrivate(segment)) {
            pending.add(new Write(segment, key.clone(), value.clone()));
          }
          delegate.put(segment, key, value);
        }

        @Override
        public void commit() {
          delegate.commit();
          writes.addAll(pending);
        }
      };
    }

    @Override
    public int compactKeys(Map<Segment, ? extends Collection<byte[]>> keys) {
      compacted = keys;
      return store.compactKeys(keys);
    }
  }
}

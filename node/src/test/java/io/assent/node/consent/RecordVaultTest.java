package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordVaultTest {
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final RecordVault vault = new RecordVault();
  private final byte[] id = new byte[32];
  private final byte[] plaintext = "salt and record".getBytes(StandardCharsets.UTF_8);

  private void put(byte[] key) {
    try (Transaction tx = store.startTransaction()) {
      vault.store(tx, key, plaintext);
      tx.commit();
    }
  }

  @Test
  void storesCiphertextAndReadsItBack() {
    put(id);
    assertThat(vault.read(store, id)).contains(plaintext);
    byte[] envelope = store.get(Segment.CONSENT_RECORDS, id).orElseThrow();
    assertThat(new String(envelope, StandardCharsets.ISO_8859_1)).doesNotContain("record");
    assertThat(store.get(Segment.CONSENT_KEYS, id).orElseThrow()).hasSize(32);
  }

  @Test
  void erasureDeletesRecordAndKey() {
    put(id);
    try (Transaction tx = store.startTransaction()) {
      vault.erase(tx, id);
      tx.commit();
    }
    assertThat(vault.read(store, id)).isEmpty();
    assertThat(store.get(Segment.CONSENT_KEYS, id)).isEmpty();
    assertThat(store.get(Segment.CONSENT_RECORDS, id)).isEmpty();
  }

  @Test
  void aRecordMovedToAnotherIdDoesNotDecrypt() {
    put(id);
    byte[] other = new byte[32];
    other[0] = 1;
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.CONSENT_RECORDS, other, store.get(Segment.CONSENT_RECORDS, id).orElseThrow());
      tx.put(Segment.CONSENT_KEYS, other, store.get(Segment.CONSENT_KEYS, id).orElseThrow());
      tx.commit();
    }
    assertThatThrownBy(() -> vault.read(store, other)).isInstanceOf(IllegalStateException.class);
  }
}

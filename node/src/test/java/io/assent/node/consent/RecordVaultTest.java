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
      vault.store(tx, key, ConsentState.NO_SLOT, plaintext);
      tx.commit();
    }
  }

  @Test
  void storesCiphertextAndReadsItBack() {
    put(id);
    assertThat(vault.read(store, id, ConsentState.NO_SLOT)).contains(plaintext);
    byte[] envelope = store.get(Segment.CONSENT_RECORDS, id).orElseThrow();
    assertThat(new String(envelope, StandardCharsets.ISO_8859_1)).doesNotContain("record");
    assertThat(store.get(Segment.CONSENT_KEYS, id).orElseThrow()).hasSize(32);
  }

  @Test
  void erasureDeletesRecordAndKey() {
    put(id);
    try (Transaction tx = store.startTransaction()) {
      vault.erase(tx, id, ConsentState.NO_SLOT);
      tx.commit();
    }
    assertThat(vault.read(store, id, ConsentState.NO_SLOT)).isEmpty();
    assertThat(store.get(Segment.CONSENT_KEYS, id)).isEmpty();
    assertThat(store.get(Segment.CONSENT_RECORDS, id)).isEmpty();
  }

  @Test
  void aConsentWithASlotKeepsRecordAndKeyThereAndTheyDecryptOnlyForItsId() {
    long slot = 70_000;
    byte[] at = io.assent.node.store.Bytes.longBytes(slot);
    try (Transaction tx = store.startTransaction()) {
      vault.store(tx, id, slot, plaintext);
      tx.commit();
    }
    assertThat(vault.read(store, id, slot)).contains(plaintext);
    assertThat(store.get(Segment.CONSENT_RECORDS, at)).isPresent();
    assertThat(store.get(Segment.CONSENT_KEYS, at).orElseThrow()).hasSize(32);
    assertThat(store.get(Segment.CONSENT_RECORDS, id)).as("nothing under the id").isEmpty();
    byte[] other = new byte[32];
    other[0] = 1;
    assertThatThrownBy(() -> vault.read(store, other, slot))
        .as("another consent's id as associated data")
        .isInstanceOf(IllegalStateException.class);

    try (Transaction tx = store.startTransaction()) {
      vault.erase(tx, id, slot);
      tx.commit();
    }
    assertThat(vault.read(store, id, slot)).isEmpty();
    assertThat(store.get(Segment.CONSENT_KEYS, at)).isEmpty();
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
    assertThatThrownBy(() -> vault.read(store, other, ConsentState.NO_SLOT))
        .isInstanceOf(IllegalStateException.class);
  }
}

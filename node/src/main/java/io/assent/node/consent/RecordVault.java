package io.assent.node.consent;

import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Consent records at rest, each under its own AES-256-GCM key (crypto-shredding: destroying the key
 * destroys the record, in every backup too). {@code CONSENT_RECORDS[slot]} = version (1 byte = 1) ‖
 * GCM nonce (12) ‖ ciphertext+tag of {@code salt ‖ canonical record}, the consent id as associated
 * data (a ciphertext cannot be moved to another consent); {@code CONSENT_KEYS[slot]} = the 32-byte
 * key.
 *
 * <p>Keyed by the consent's slot (its acceptance sequence, 8 bytes big-endian, see {@link
 * ConsentState#slot}), so that the commit thread appends records and keys in key order: at a random
 * key (the id) each insert searched a large memtable's skip list, a string of cache misses (perf,
 * 2026-11-30). A consent accepted before slots ({@link ConsentState#NO_SLOT}) keeps its record and
 * key under its id.
 */
public final class RecordVault {
  private static final byte VERSION = 1;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_LENGTH = 32;

  /** The segments that hold private data; compacted after an erasure. */
  public static final Segment[] PRIVATE_SEGMENTS = {
    Segment.CONSENT_RECORDS, Segment.CONSENT_KEYS, Segment.CONSENT_INDEX, Segment.CONSENT_STATE
  };

  private static final Set<Segment> PRIVATE = EnumSet.copyOf(Arrays.asList(PRIVATE_SEGMENTS));

  /** Whether {@code segment} is one of {@link #PRIVATE_SEGMENTS}. */
  static boolean isPrivate(Segment segment) {
    return PRIVATE.contains(segment);
  }

  private final SecureRandom random = new SecureRandom();

  /**
   * One cipher object per thread, re-initialized with each record's key and nonce: looking the
   * transformation up in the providers for each record cost as much as the encryption.
   */
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM is not available", e);
            }
          });

  /** A record encrypted under its own fresh key: what {@link #store} writes. */
  public record Sealed(byte[] envelope, byte[] key) {}

  /**
   * Encrypts {@code plaintext} for {@code id} under a fresh key. Pure CPU work, safe on any thread:
   * the consent service seals before it queues the write, so the serial commit thread only writes.
   */
  public Sealed seal(byte[] id, byte[] plaintext) {
    byte[] key = new byte[KEY_LENGTH];
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(key);
    random.nextBytes(nonce);
    byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key, nonce, id, plaintext);
    byte[] envelope =
        ByteBuffer.allocate(1 + NONCE_LENGTH + ciphertext.length)
            .put(VERSION)
            .put(nonce)
            .put(ciphertext)
            .array();
    return new Sealed(envelope, key);
  }

  /** Writes a sealed record of consent {@code id} and its key into {@code tx}, at its slot. */
  public void store(Transaction tx, byte[] id, long slot, Sealed sealed) {
    byte[] at = key(id, slot);
    tx.put(Segment.CONSENT_RECORDS, at, sealed.envelope());
    tx.put(Segment.CONSENT_KEYS, at, sealed.key());
  }

  /** Encrypts {@code plaintext} under a fresh key and writes record and key into {@code tx}. */
  public void store(Transaction tx, byte[] id, long slot, byte[] plaintext) {
    store(tx, id, slot, seal(id, plaintext));
  }

  /** The decrypted record, or empty when it (or its key) was erased or never stored. */
  public Optional<byte[]> read(KeyValueReader reader, byte[] id, long slot) {
    byte[] at = key(id, slot);
    Optional<byte[]> envelope = reader.get(Segment.CONSENT_RECORDS, at);
    Optional<byte[]> key = reader.get(Segment.CONSENT_KEYS, at);
    if (envelope.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    byte[] e = envelope.get();
    if (e.length < 1 + NONCE_LENGTH || e[0] != VERSION) {
      throw new IllegalStateException("unknown consent record envelope");
    }
    byte[] nonce = Arrays.copyOfRange(e, 1, 1 + NONCE_LENGTH);
    byte[] ciphertext = Arrays.copyOfRange(e, 1 + NONCE_LENGTH, e.length);
    return Optional.of(crypt(Cipher.DECRYPT_MODE, key.get(), nonce, id, ciphertext));
  }

  /** Deletes record and key in {@code tx}. */
  public void erase(Transaction tx, byte[] id, long slot) {
    byte[] at = key(id, slot);
    tx.delete(Segment.CONSENT_RECORDS, at);
    tx.delete(Segment.CONSENT_KEYS, at);
  }

  /** Where a consent's record and key are: its slot, or its id if it has none. */
  private static byte[] key(byte[] id, long slot) {
    return slot == ConsentState.NO_SLOT ? id : Bytes.longBytes(slot);
  }

  /**
   * Compacts the private segments so that deleted records, keys and indexes leave RocksDB's files
   * (memtable, write-ahead log and SST files); call after an erasure was committed.
   */
  public static void compactPrivateSegments(KeyValueStore store) {
    store.compact(PRIVATE_SEGMENTS);
  }

  private static byte[] crypt(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input) {
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "consent record "
              + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
              + " failed",
          e);
    }
  }
}

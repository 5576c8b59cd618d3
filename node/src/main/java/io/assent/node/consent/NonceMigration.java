package io.assent.node.consent;

import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Arrays;
import java.util.Optional;

/**
 * Schema 2 to 3 of the consent service's nonce entries: schema 2 kept up to three per nonce, each
 * written or read on every grant; schema 3 keeps one ({@link ConsentKeys#USED_NONCE}).
 *
 * <ul>
 *   <li>{@code 'G' ‖ grant digest(32)} → consent id ‖ signature digest: becomes the grant's used
 *       nonce, id ‖ digest ‖ signature digest (subject and nonce from the consent's state)
 *   <li>{@code 'N' ‖ subject(20) ‖ nonce(32)} → consent id: a used nonce (a withdrawal's keeps the
 *       id; a grant's was written from its {@code G} entry)
 *   <li>{@code 'X' ‖ keccak256(subject ‖ nonce)} → empty: an erased consent's nonce, under the same
 *       hash
 * </ul>
 *
 * Each kind is rewritten and deleted {@link #CHUNK} entries per transaction ({@link
 * ChunkedRewrite}), grants first, so a crash midway leaves entries of both layouts that a second
 * run finishes.
 */
public final class NonceMigration {
  private static final byte[] OLD_GRANT_DIGEST = {'G'};
  private static final byte[] OLD_NONCE = {'N'};
  private static final byte[] OLD_ERASED_NONCE = {'X'};
  static final int CHUNK = 10_000;

  private NonceMigration() {}

  /** Schema 2 to 3 of the consent index: nonces, then the summary's unanchored entries. */
  public static void toSchemaThree(KeyValueStore store, Transaction last) {
    usedNonces(store, CHUNK);
    SummaryMigration.dropUnanchoredEntries(store, last);
  }

  static void usedNonces(KeyValueStore store, int chunk) {
    ChunkedRewrite.replaceAll(
        store,
        OLD_GRANT_DIGEST,
        33,
        chunk,
        (tx, kv) -> {
          byte[] id = Arrays.copyOf(kv.value(), 32);
          Optional<ConsentState> state =
              tx.get(Segment.CONSENT_STATE, id).map(ConsentState::decode).filter(s -> !s.erased());
          state.ifPresent(
              s ->
                  tx.put(
                      Segment.CONSENT_INDEX,
                      ConsentKeys.usedNonce(s.subject(), s.grantNonce()),
                      ConsentKeys.grantUse(
                          id,
                          Arrays.copyOfRange(kv.key(), 1, 33),
                          Arrays.copyOfRange(kv.value(), 32, 64))));
        });
    ChunkedRewrite.replaceAll(
        store,
        OLD_NONCE,
        53,
        chunk,
        (tx, kv) -> {
          byte[] key =
              ConsentKeys.usedNonce(
                  Arrays.copyOfRange(kv.key(), 1, 21), Arrays.copyOfRange(kv.key(), 21, 53));
          if (tx.get(Segment.CONSENT_INDEX, key).isEmpty()) {
            tx.put(Segment.CONSENT_INDEX, key, kv.value());
          }
        });
    ChunkedRewrite.replaceAll(
        store,
        OLD_ERASED_NONCE,
        33,
        chunk,
        (tx, kv) -> {
          byte[] key = kv.key().clone();
          key[0] = ConsentKeys.USED_NONCE;
          tx.put(Segment.CONSENT_INDEX, key, new byte[0]);
        });
  }
}

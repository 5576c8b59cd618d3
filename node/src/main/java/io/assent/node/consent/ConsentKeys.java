package io.assent.node.consent;

import io.assent.node.store.Bytes;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Keys of the consent segments (layout on the consent design page). */
final class ConsentKeys {
  static final byte BY_SUBJECT = 'S';
  static final byte BY_DATASET = 'D';
  static final byte NONCE = 'N';
  static final byte GRANT_DIGEST = 'G';

  /** {@code 'X' ‖ keccak256(subject ‖ nonce)}: nonces of erased consents, unlinkable. */
  static final byte ERASED_NONCE = 'X';

  static final byte[] LEAF_COUNTER = "#L".getBytes(StandardCharsets.US_ASCII);
  static final byte[] WITHDRAWAL_COUNTER = "#W".getBytes(StandardCharsets.US_ASCII);
  static final byte LEAF = 'L';
  static final byte WITHDRAWAL = 'W';

  /** Suffix of the anchorer's {@code CONSENT_STATE[id ‖ 'A']}. */
  static final byte ANCHOR_SUFFIX = 'A';

  private ConsentKeys() {}

  static byte[] hex(String hex) {
    return Numeric.hexStringToByteArray(hex);
  }

  static byte[] bySubject(String subject, byte[] id) {
    return Bytes.concat(new byte[] {BY_SUBJECT}, hex(subject), id);
  }

  static byte[] subjectPrefix(String subject) {
    return Bytes.concat(new byte[] {BY_SUBJECT}, hex(subject));
  }

  static byte[] byDataset(String dataset, byte[] id) {
    return Bytes.concat(new byte[] {BY_DATASET}, hex(dataset), id);
  }

  static byte[] nonce(String subject, String nonce) {
    return Bytes.concat(new byte[] {NONCE}, hex(subject), hex(nonce));
  }

  static byte[] erasedNonce(String subject, String nonce) {
    return Bytes.concat(
        new byte[] {ERASED_NONCE}, Hash.sha3(Bytes.concat(hex(subject), hex(nonce))));
  }

  static byte[] grantDigest(byte[] digest) {
    return Bytes.concat(new byte[] {GRANT_DIGEST}, digest);
  }

  static byte[] queued(byte kind, long seq) {
    return Bytes.concat(new byte[] {kind}, Bytes.longBytes(seq));
  }

  static byte[] anchor(byte[] id) {
    return Bytes.concat(id, new byte[] {ANCHOR_SUFFIX});
  }
}

package io.assent.node.consent;

import io.assent.node.store.Bytes;
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
}

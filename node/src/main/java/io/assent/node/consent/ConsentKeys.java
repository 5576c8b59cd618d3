package io.assent.node.consent;

import io.assent.node.store.Bytes;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Keys of the consent service's own entries in {@code CONSENT_INDEX}: {@code 'S' ‖ subject(20) ‖
 * id(32)} and {@code 'D' ‖ dataset(32) ‖ id} (empty values) list a subject's and a dataset's
 * consents; {@link #USED_NONCE} keeps the subjects' used nonces. The per-dataset summary's keys are
 * in {@link DatasetTallyKeys}; {@code CONSENT_STATE} is keyed by the consent id, the record
 * segments by the consent's slot ({@link RecordVault}).
 */
final class ConsentKeys {
  static final byte BY_SUBJECT = 'S';
  static final byte BY_DATASET = 'D';

  /**
   * {@code 'K' ‖ keccak256(subject ‖ nonce)} → what used the subject's nonce: a grant (its consent
   * id ‖ EIP-712 digest ‖ keccak256 of its signature), a withdrawal or erasure (the consent id), or
   * nothing once that consent is erased. A nonce is used once, forever; hashed, so that an erased
   * consent's entries link to no one.
   */
  static final byte USED_NONCE = 'K';

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

  static byte[] usedNonce(String subject, String nonce) {
    return usedNonce(hex(subject), hex(nonce));
  }

  static byte[] usedNonce(byte[] subject, byte[] nonce) {
    return Bytes.concat(new byte[] {USED_NONCE}, Hash.sha3(Bytes.concat(subject, nonce)));
  }

  /** The value of a grant's used nonce. */
  static byte[] grantUse(byte[] id, byte[] digest, byte[] signatureDigest) {
    return Bytes.concat(id, digest, signatureDigest);
  }
}

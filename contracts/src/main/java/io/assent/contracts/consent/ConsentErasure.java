package io.assent.contracts.consent;

/**
 * The subject's request to erase a consent record (EIP-712 type {@code ConsentErasure}): the node
 * deletes the record and its key; only the leaf (a salted hash) stays on chain.
 *
 * @param consentId the consent's id (its Merkle leaf), 0x-hex 32 bytes
 */
public record ConsentErasure(String consentId, String subject, long time, String nonce)
    implements ConsentMessage {

  public ConsentErasure {
    consentId = Hex.bytes32("consentId", consentId);
    subject = Hex.address("subject", subject);
    Hex.uint64("time", time);
    nonce = Hex.bytes32("nonce", nonce);
  }
}

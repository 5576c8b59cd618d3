package io.assent.contracts.consent;

/**
 * The subject's withdrawal of an earlier consent (EIP-712 type {@code ConsentWithdrawal}),
 * effective from {@code time} (unix seconds): processing before it stays lawful (GDPR Art. 7(3)).
 *
 * @param consentId the consent's id (its Merkle leaf), 0x-hex 32 bytes
 */
public record ConsentWithdrawal(String consentId, String subject, long time, String nonce)
    implements ConsentMessage {

  public ConsentWithdrawal {
    consentId = Hex.bytes32("consentId", consentId);
    subject = Hex.address("subject", subject);
    Hex.uint64("time", time);
    nonce = Hex.bytes32("nonce", nonce);
  }
}

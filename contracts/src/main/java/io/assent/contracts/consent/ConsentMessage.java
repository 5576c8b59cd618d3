package io.assent.contracts.consent;

/**
 * A message a subject signs with EIP-712 ({@link ConsentTypedData}): a grant, or the withdrawal or
 * erasure of an earlier one. Each carries a signer-chosen 32-byte nonce: (subject, nonce) is used
 * once.
 */
public sealed interface ConsentMessage permits ConsentGrant, ConsentWithdrawal, ConsentErasure {

  /** The subject's identity address (of its did:ethr DID), lower-case 0x-hex. */
  String subject();

  /** The signer-chosen replay barrier, 0x-hex 32 bytes, lower-case. */
  String nonce();
}

package io.assent.node.consent;

/** The EIP-712 digests of what subjects sign. */
public interface ConsentSignatures {

  SigningDomain domain();

  /** The EIP-712 digest of a {@code ConsentGrant}. */
  byte[] digest(Grant grant);

  /** The EIP-712 digest of a {@code ConsentWithdrawal} or {@code ConsentErasure}. */
  byte[] digest(SubjectAction action);
}

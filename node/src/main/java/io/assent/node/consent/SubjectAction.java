package io.assent.node.consent;

/**
 * A withdrawal or erasure the subject signs (EIP-712 {@code ConsentWithdrawal} / {@code
 * ConsentErasure}: same fields). {@code subject} is the identity address, {@code time} unix
 * seconds.
 */
public record SubjectAction(Kind kind, String consentId, String subject, long time, String nonce) {

  public enum Kind {
    WITHDRAWAL,
    ERASURE
  }
}

package io.assent.node.consent;

import java.util.List;

/**
 * The grant a subject signs (EIP-712 {@code ConsentGrant}), with the subject as its DID and as the
 * DID's identity address. Hex values are lower-case {@code 0x}-prefixed; times are unix seconds,
 * {@code validUntil} 0 meaning no end.
 */
public record Grant(
    String subjectDid,
    String subject,
    String dataset,
    List<String> purposes,
    String processing,
    String legalBasis,
    String noticeDigest,
    String noticeVersion,
    String jurisdiction,
    long validFrom,
    long validUntil,
    String nonce) {

  public Grant {
    purposes = List.copyOf(purposes);
  }
}

package io.assent.contracts.consent;

import java.util.List;

/**
 * Fixed messages whose EIP-712 digests were computed independently (ethers 6, TypedDataEncoder).
 */
final class ConsentFixtures {

  static final Eip712Domain DOMAIN =
      Eip712Domain.assent(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3");

  static final String SUBJECT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  /** Includes non-ASCII text so UTF-8 string hashing is exercised. */
  static final ConsentGrant GRANT =
      new ConsentGrant(
          SUBJECT,
          "0x" + "aa".repeat(32),
          List.of("ai:ModelTraining", "dpv:ScientificResearch"),
          "dpv:Use",
          "dpv:Consent",
          "0x" + "bb".repeat(32),
          "2026-01 – Österreich",
          "EU",
          1767225600L,
          1798761600L,
          "0x" + "cc".repeat(32));

  static final ConsentWithdrawal WITHDRAWAL =
      new ConsentWithdrawal("0x" + "dd".repeat(32), SUBJECT, 1780000000L, "0x" + "ee".repeat(32));

  static final ConsentErasure ERASURE =
      new ConsentErasure("0x" + "dd".repeat(32), SUBJECT, 1780000000L, "0x" + "ee".repeat(32));

  // TypedDataEncoder.hash(domain, types, value) in ethers 6.17.0 (see the class comment).
  static final String GRANT_DIGEST =
      "0x0070d1585a0f09867767b9d7f1b1aed713646b9407ab38700f3ad5ae28ee6b2e";
  static final String WITHDRAWAL_DIGEST =
      "0x6cab233394fab694fd05376bd0824164ee7588100a3b7ad2c7c59660cb3e9d8e";
  static final String ERASURE_DIGEST =
      "0x18170fd09c2dab9b065744ea19b309ffbe7cfbdf9fe89b6485caa23cc1c9e166";

  private ConsentFixtures() {}

  static ConsentGrant grantWithPurposes(List<String> purposes) {
    ConsentGrant g = GRANT;
    return new ConsentGrant(
        g.subject(),
        g.dataset(),
        purposes,
        g.processing(),
        g.legalBasis(),
        g.noticeDigest(),
        g.noticeVersion(),
        g.jurisdiction(),
        g.validFrom(),
        g.validUntil(),
        g.nonce());
  }
}

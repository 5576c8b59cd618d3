package io.assent.node.consent;

import io.assent.contracts.consent.ConsentErasure;
import io.assent.contracts.consent.ConsentGrant;
import io.assent.contracts.consent.ConsentMessage;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.ConsentWithdrawal;
import io.assent.contracts.consent.Eip712Domain;

/**
 * EIP-712 digests of the consent types through the protocol's {@link ConsentTypedData} (checked
 * against ethers' {@code signTypedData}), so a wallet's {@code eth_signTypedData_v4} signature
 * verifies here.
 */
public final class Eip712ConsentSignatures implements ConsentSignatures {

  private final SigningDomain domain;
  private final Eip712Domain eip712;

  public Eip712ConsentSignatures(SigningDomain domain) {
    this.domain = domain;
    this.eip712 = Eip712Domain.assent(domain.chainId(), domain.verifyingContract());
  }

  @Override
  public SigningDomain domain() {
    return domain;
  }

  @Override
  public byte[] digest(Grant grant) {
    return ConsentTypedData.hash(eip712, message(grant));
  }

  @Override
  public byte[] digest(SubjectAction action) {
    return ConsentTypedData.hash(eip712, message(action));
  }

  /** The typed data JSON a wallet signs, for receipts. */
  public String typedDataJson(Grant grant) {
    return ConsentTypedData.toTypedDataJson(eip712, message(grant));
  }

  private static ConsentMessage message(Grant grant) {
    try {
      return new ConsentGrant(
          grant.subject(),
          grant.dataset(),
          grant.purposes(),
          grant.processing(),
          grant.legalBasis(),
          grant.noticeDigest(),
          grant.noticeVersion(),
          grant.jurisdiction(),
          grant.validFrom(),
          grant.validUntil(),
          grant.nonce());
    } catch (IllegalArgumentException e) {
      throw new ConsentException(ConsentError.INVALID_REQUEST, e.getMessage());
    }
  }

  private static ConsentMessage message(SubjectAction action) {
    try {
      return action.kind() == SubjectAction.Kind.WITHDRAWAL
          ? new ConsentWithdrawal(
              action.consentId(), action.subject(), action.time(), action.nonce())
          : new ConsentErasure(action.consentId(), action.subject(), action.time(), action.nonce());
    } catch (IllegalArgumentException e) {
      throw new ConsentException(ConsentError.INVALID_REQUEST, e.getMessage());
    }
  }
}

package io.assent.contracts.consent;

import java.util.List;

/**
 * A subject's consent to the processing of a dataset, as signed (EIP-712 type {@code
 * ConsentGrant}). The constructor checks the shape only (hex lengths, 1..16 purposes, no null,
 * non-negative times); the node checks meaning (validity window, DID, dataset). Hex values are
 * lower-cased, so two equal grants are {@code equals}.
 *
 * @param subject identity address of the subject's did:ethr DID
 * @param dataset 32-byte dataset id, 0x-hex
 * @param purposes DPV/AI purpose terms, e.g. {@code ai:ModelTraining}; 1..16 items, order signed
 * @param processing e.g. {@code dpv:Use}
 * @param legalBasis e.g. {@code dpv:Consent}
 * @param noticeDigest 32-byte digest of the privacy notice shown, 0x-hex
 * @param noticeVersion the notice's version label
 * @param jurisdiction e.g. {@code EU}
 * @param validFrom unix seconds
 * @param validUntil unix seconds, 0 = no end
 * @param nonce 32 random bytes chosen by the signer, 0x-hex
 */
public record ConsentGrant(
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
    String nonce)
    implements ConsentMessage {

  public static final int MAX_PURPOSES = 16;

  public ConsentGrant {
    subject = Hex.address("subject", subject);
    dataset = Hex.bytes32("dataset", dataset);
    if (purposes == null || purposes.isEmpty() || purposes.size() > MAX_PURPOSES) {
      throw new IllegalArgumentException("purposes must have 1.." + MAX_PURPOSES + " items");
    }
    if (purposes.stream().anyMatch(p -> p == null || p.isBlank())) {
      throw new IllegalArgumentException("purposes must not contain null or blank items");
    }
    purposes = List.copyOf(purposes);
    Hex.text("processing", processing);
    Hex.text("legalBasis", legalBasis);
    noticeDigest = Hex.bytes32("noticeDigest", noticeDigest);
    Hex.text("noticeVersion", noticeVersion);
    Hex.text("jurisdiction", jurisdiction);
    Hex.uint64("validFrom", validFrom);
    Hex.uint64("validUntil", validUntil);
    nonce = Hex.bytes32("nonce", nonce);
  }
}

package io.assent.node.consent;

/** A consent of a dataset whose withdrawal (or erasure) is anchored on chain, and where. */
public record WithdrawnConsent(String consentId, long blockNumber, String txHash) {}

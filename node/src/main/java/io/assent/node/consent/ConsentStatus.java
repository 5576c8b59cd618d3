package io.assent.node.consent;

import java.util.Optional;

/**
 * A consent's public status: {@code pending}, {@code anchored}, {@code withdrawalPending} (accepted
 * here, not yet on chain), {@code withdrawn} (on chain), {@code expired} or {@code erased}.
 */
public record ConsentStatus(
    String consentId,
    String status,
    Optional<AnchorProof> anchor,
    Optional<Long> withdrawalTime,
    Optional<WithdrawnOnChain> withdrawnOnChain) {}

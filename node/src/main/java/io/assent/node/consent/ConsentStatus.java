package io.assent.node.consent;

import io.assent.node.anchor.AnchoredWithdrawal;
import io.assent.node.anchor.LeafAnchor;
import java.util.Optional;

/**
 * A consent's public status: {@code pending}, {@code anchored}, {@code withdrawalPending} (accepted
 * here, not yet on chain), {@code withdrawn} (on chain), {@code expired} or {@code erased}.
 */
public record ConsentStatus(
    String consentId,
    String status,
    Optional<LeafAnchor> anchor,
    Optional<Long> withdrawalTime,
    Optional<AnchoredWithdrawal> withdrawnOnChain) {}

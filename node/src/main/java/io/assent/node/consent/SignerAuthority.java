package io.assent.node.consent;

import io.assent.contracts.did.DidEvent;
import io.assent.node.identity.IdentityIndex;
import io.assent.node.identity.IndexedDidEvent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who may sign for an identity, per the node's identity index: its current owner (the identity
 * itself until an owner change), or a {@code sigAuth}/{@code veriKey} delegate whose {@code
 * validTo} is at or after the evaluation time (the did:ethr resolver's rule, so the answer matches
 * the DID document the node serves). An identity whose owner was changed to 0x0 is deactivated:
 * nobody may sign for it.
 */
public final class SignerAuthority {
  private static final String NULL_ADDRESS = "0x0000000000000000000000000000000000000000";

  /** The signer's standing for the identity. */
  public enum Role {
    OWNER,
    SIG_AUTH,
    VERI_KEY,
    NONE,
    DEACTIVATED;

    public boolean mayGrant() {
      return this == OWNER || this == SIG_AUTH || this == VERI_KEY;
    }

    /** Authentication (sign-in) needs the owner or a sigAuth delegate. */
    public boolean mayAuthenticate() {
      return this == OWNER || this == SIG_AUTH;
    }

    public String recordName() {
      return switch (this) {
        case OWNER -> "owner";
        case SIG_AUTH -> "sigAuth";
        case VERI_KEY -> "veriKey";
        default -> "none";
      };
    }
  }

  private final IdentityIndex index;

  public SignerAuthority(IdentityIndex index) {
    this.index = index;
  }

  /**
   * @param identity the identity address, lower-case 0x-hex
   * @param signer the recovered signer, lower-case 0x-hex
   * @param at evaluation time, unix seconds
   */
  public Role role(String identity, String signer, long at) {
    String who = signer.toLowerCase(Locale.ROOT);
    if (index.identity(identity).isEmpty()) {
      // The registry never emitted an event for it (most subjects): it owns itself and has no
      // delegates. One point read instead of opening a scan of its history, on every grant.
      return identity.equals(who) ? Role.OWNER : Role.NONE;
    }
    List<IndexedDidEvent> history = index.history(identity);
    String owner = identity;
    Map<String, BigInteger> delegates = new HashMap<>();
    for (IndexedDidEvent indexed : history) {
      switch (indexed.event()) {
        case DidEvent.OwnerChanged e -> {
          owner = e.owner().toLowerCase(Locale.ROOT);
          if (NULL_ADDRESS.equals(owner)) {
            return Role.DEACTIVATED;
          }
        }
        case DidEvent.DelegateChanged e ->
            delegates.put(
                typeName(e.delegateType()) + "|" + e.delegate().toLowerCase(Locale.ROOT),
                e.validTo());
        case DidEvent.AttributeChanged e -> {}
      }
    }
    if (owner.equals(who)) {
      return Role.OWNER;
    }
    BigInteger now = BigInteger.valueOf(at);
    if (valid(delegates.get("sigAuth|" + who), now)) {
      return Role.SIG_AUTH;
    }
    if (valid(delegates.get("veriKey|" + who), now)) {
      return Role.VERI_KEY;
    }
    return Role.NONE;
  }

  private static boolean valid(BigInteger validTo, BigInteger now) {
    return validTo != null && validTo.signum() > 0 && validTo.compareTo(now) >= 0;
  }

  private static String typeName(byte[] bytes32) {
    int end = bytes32.length;
    while (end > 0 && bytes32[end - 1] == 0) {
      end--;
    }
    return new String(bytes32, 0, end, StandardCharsets.UTF_8);
  }
}

package io.assent.node.relay;

import java.math.BigInteger;

/**
 * An identity's registry state as the chain reports it now: what a signer needs to sign the next
 * operation.
 *
 * @param owner the current owner, lower-case 0x-hex; 0x0 once deactivated
 * @param ownerNonce the owner's registry nonce, which the next signed operation must use
 */
public record IdentityState(String identity, String owner, BigInteger ownerNonce) {

  public static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

  public boolean deactivated() {
    return ZERO_ADDRESS.equals(owner);
  }
}

package io.assent.node.relay;

import io.assent.contracts.did.DidRegistryClient;
import io.assent.contracts.did.DidRegistryException;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.contracts.did.Erc1056Signature;
import io.assent.contracts.did.Erc1056SignedHash;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Relays owner-signed ERC-1056 operations: checks the signature against the identity's current
 * owner and nonce on chain, then sends the {@code *Signed} transaction paid by the node's relayer
 * key. The checks mirror the registry's own, so a request that would revert is refused before it
 * costs gas; the registry still has the last word.
 *
 * <p>Reads go to the chain, not the index: the nonce must be the one the registry will check.
 */
public final class IdentityRelay {
  private final DidRegistryClient registry;

  public IdentityRelay(DidRegistryClient registry) {
    this.registry = registry;
  }

  /** The identity's owner and that owner's nonce, read from the chain. */
  public IdentityState state(String identity) {
    try {
      String owner = registry.identityOwner(identity);
      BigInteger nonce =
          IdentityState.ZERO_ADDRESS.equals(owner) ? BigInteger.ZERO : registry.nonce(owner);
      return new IdentityState(identity, owner, nonce);
    } catch (DidRegistryException e) {
      throw unavailable(e);
    }
  }

  /**
   * Checks and sends one signed operation.
   *
   * @param claimedNonce the nonce the client says it signed with, if it said
   * @return the relayed transaction's hash and the recovered signer
   * @throws RelayException if the operation cannot succeed; nothing was sent then
   */
  public RelayReceipt relay(
      Erc1056Operation operation, Erc1056Signature signature, Optional<BigInteger> claimedNonce) {
    IdentityState state = state(operation.identity());
    if (state.deactivated()) {
      throw new RelayException(
          RelayException.Reason.DEACTIVATED,
          "identity " + operation.identity() + " is deactivated");
    }
    if (claimedNonce.isPresent() && !claimedNonce.get().equals(state.ownerNonce())) {
      throw new RelayException(
          RelayException.Reason.STALE_NONCE,
          "signed with nonce " + claimedNonce.get() + ", owner's nonce is " + state.ownerNonce());
    }
    String signer = recover(operation, signature, state.ownerNonce());
    if (!signer.equals(state.owner())) {
      throw new RelayException(
          RelayException.Reason.NOT_OWNER,
          "signature recovers to "
              + signer
              + ", not the owner "
              + state.owner()
              + " at nonce "
              + state.ownerNonce());
    }
    try {
      String txHash = registry.submitSigned(operation, signature);
      return new RelayReceipt(txHash, signer);
    } catch (DidRegistryException e) {
      throw switch (e.reason()) {
        case UNAVAILABLE -> unavailable(e);
        case NOT_OWNER, BAD_SIGNATURE ->
            new RelayException(RelayException.Reason.NOT_OWNER, e.getMessage(), e);
        default -> new RelayException(RelayException.Reason.REJECTED, e.getMessage(), e);
      };
    }
  }

  private String recover(Erc1056Operation operation, Erc1056Signature signature, BigInteger nonce) {
    try {
      return Erc1056SignedHash.recoverSigner(registry.address(), nonce, operation, signature);
    } catch (IllegalArgumentException e) {
      throw new RelayException(RelayException.Reason.INVALID_SIGNATURE, e.getMessage(), e);
    }
  }

  private static RelayException unavailable(DidRegistryException e) {
    return new RelayException(
        RelayException.Reason.CHAIN_UNAVAILABLE, "chain RPC unavailable: " + e.getMessage(), e);
  }

  /** A sent relay transaction. */
  public record RelayReceipt(String transactionHash, String signer) {}
}

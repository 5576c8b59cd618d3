package io.assent.node.api;

import io.assent.contracts.did.DidEthr;
import io.assent.contracts.did.InvalidDidException;
import java.util.function.Predicate;

/**
 * Reads the {@code {did}} path parameter of the identity endpoints: a did:ethr DID of this node's
 * network, else a problem ({@code invalidDid}, {@code unknownNetwork}).
 */
public final class DidParam {
  private final Predicate<DidEthr> onOurNetwork;

  /**
   * @param onOurNetwork true for DIDs whose network part names this node's chain
   */
  public DidParam(Predicate<DidEthr> onOurNetwork) {
    this.onOurNetwork = onOurNetwork;
  }

  public DidEthr parse(String raw) {
    DidEthr did;
    try {
      did = DidEthr.parse(raw);
    } catch (InvalidDidException e) {
      throw new ApiException(ApiError.INVALID_DID, e.getMessage());
    }
    if (!onOurNetwork.test(did)) {
      throw new ApiException(
          ApiError.UNKNOWN_NETWORK,
          "this node serves another network than " + did.networkOrMainnet());
    }
    return did;
  }
}

package io.assent.node.api;

import io.assent.node.dataset.DatasetRelay;
import io.assent.node.dataset.DatasetRelayException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/datasets/signers/{address}}: the registry nonce a curator agent signs its next
 * relayed dataset operation with, read from the chain, so a client needs nothing but this node to
 * relay (the counterpart of {@code GET /v1/identities/{did}} for the DID registry).
 */
public final class GetDatasetSigner implements Endpoint {
  public static final String OPERATION_ID = "getDatasetSigner";
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  private final Blocking blocking;
  private final DatasetRelay relay;
  private final long chainId;

  /**
   * @param relay null when this node has no relayer key or no dataset registry: 503 relayDisabled
   */
  public GetDatasetSigner(Blocking blocking, DatasetRelay relay, long chainId) {
    this.blocking = blocking;
    this.relay = relay;
    this.chainId = chainId;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (relay == null) {
      throw new ApiException(
          ApiError.RELAY_DISABLED, "this node has no relayer key or no dataset registry");
    }
    String address = ctx.pathParam("address");
    if (!ADDRESS.matcher(address).matches()) {
      throw new ApiException(ApiError.INVALID_REQUEST, "address must be 0x and 40 hex digits");
    }
    String signer = address.toLowerCase(Locale.ROOT);
    blocking.respond(
        ctx,
        () -> {
          try {
            return Reply.json(
                new JsonObject()
                    .put("signer", signer)
                    .put("nonce", relay.nonce(signer).toString())
                    .put("registry", relay.registry())
                    .put("chainId", chainId));
          } catch (DatasetRelayException e) {
            throw new ApiException(RelayDatasetOperation.problem(e.reason()), e.getMessage());
          }
        });
  }
}

package io.assent.node.api;

import io.assent.contracts.did.DidEthr;
import io.assent.node.relay.IdentityRelay;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/identities/{did}/operations}: relays an owner-signed ERC-1056 operation, paid by
 * this node. 202 with the transaction hash once the chain accepted the transaction; the index shows
 * the change once it is mined (and K blocks deep).
 */
public final class RelayIdentityOperation implements Endpoint {
  public static final String OPERATION_ID = "relayIdentityOperation";

  private final Blocking blocking;
  private final DidParam didParam;
  private final IdentityRelay relay;

  /**
   * @param relay null when this node has no relayer key: every request then gets 503 relayDisabled
   */
  public RelayIdentityOperation(Blocking blocking, DidParam didParam, IdentityRelay relay) {
    this.blocking = blocking;
    this.didParam = didParam;
    this.relay = relay;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    DidEthr did = didParam.parse(ctx.pathParam("did"));
    if (relay == null) {
      throw new ApiException(ApiError.RELAY_DISABLED, "this node has no relayer key");
    }
    JsonObject json = ctx.body().asJsonObject();
    OperationBody body = OperationBody.parse(did.address(), json);
    blocking.respond(
        ctx,
        () -> {
          IdentityRelay.RelayReceipt receipt =
              RelayErrors.call(() -> relay.relay(body.operation(), body.signature(), body.nonce()));
          return Reply.json(
              202,
              new JsonObject()
                  .put("transactionHash", receipt.transactionHash())
                  .put("operation", body.operation().functionName())
                  .put("identity", did.address())
                  .put("signer", receipt.signer()));
        });
  }
}

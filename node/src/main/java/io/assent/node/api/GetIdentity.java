package io.assent.node.api;

import io.assent.contracts.did.DidEthr;
import io.assent.node.relay.IdentityRelay;
import io.assent.node.relay.IdentityState;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/identities/{did}}: the owner and nonce a signer needs, read from the chain. */
public final class GetIdentity implements Endpoint {
  public static final String OPERATION_ID = "getIdentity";

  private final Blocking blocking;
  private final DidParam didParam;
  private final IdentityRelay relay;
  private final String registry;
  private final long chainId;

  public GetIdentity(
      Blocking blocking, DidParam didParam, IdentityRelay relay, String registry, long chainId) {
    this.blocking = blocking;
    this.didParam = didParam;
    this.relay = relay;
    this.registry = registry;
    this.chainId = chainId;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    DidEthr did = didParam.parse(ctx.pathParam("did"));
    blocking.respond(
        ctx,
        () -> {
          IdentityState state = RelayErrors.call(() -> relay.state(did.address()));
          return Reply.json(
              new JsonObject()
                  .put("did", did.toString())
                  .put("identity", did.address())
                  .put("owner", state.owner())
                  .put("nonce", state.ownerNonce().toString())
                  .put("registry", registry)
                  .put("chainId", chainId)
                  .put("deactivated", state.deactivated()));
        });
  }
}

package io.assent.node.api;

import io.assent.node.dataset.DatasetRelay;
import io.assent.node.dataset.DatasetRelayException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/datasets/operations}: relays a curator-signed dataset operation (EIP-712), paid
 * by this node. 202 with the transaction hash once the chain accepted it; the index shows the
 * change once it is mined (and K blocks deep). Refusals before sending: see {@link DatasetRelay}.
 */
public final class RelayDatasetOperation implements Endpoint {
  public static final String OPERATION_ID = "relayDatasetOperation";

  private final Blocking blocking;
  private final DatasetParams params;
  private final DatasetRelay relay;

  /**
   * @param relay null when this node has no relayer key or no dataset registry: every request then
   *     gets 503 relayDisabled
   */
  public RelayDatasetOperation(Blocking blocking, DidParam didParam, DatasetRelay relay) {
    this.blocking = blocking;
    this.params = new DatasetParams(didParam);
    this.relay = relay;
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
    DatasetOperationBody body = DatasetOperationBody.parse(ctx.body().asJsonObject(), params);
    blocking.respond(
        ctx,
        () -> {
          DatasetRelay.Receipt receipt;
          try {
            receipt = relay.relay(body.operation(), body.signer(), body.nonce(), body.signature());
          } catch (DatasetRelayException e) {
            throw new ApiException(problem(e.reason()), e.getMessage());
          }
          return Reply.json(
              202,
              new JsonObject()
                  .put("txHash", receipt.txHash())
                  .put("datasetId", receipt.datasetId())
                  .put("operation", body.operation().type())
                  .put("signer", body.signer().toLowerCase(java.util.Locale.ROOT)));
        });
  }

  static ApiError problem(DatasetRelayException.Reason reason) {
    return switch (reason) {
      case INVALID_REQUEST -> ApiError.INVALID_REQUEST;
      case INVALID_LICENSE -> ApiError.INVALID_LICENSE;
      case INVALID_SIGNATURE -> ApiError.INVALID_SIGNATURE;
      case STALE_NONCE -> ApiError.STALE_NONCE;
      case NOT_CURATOR_AGENT -> ApiError.NOT_CURATOR_AGENT;
      case UNKNOWN_PARENT -> ApiError.UNKNOWN_PARENT;
      case DATASET_EXISTS -> ApiError.DATASET_EXISTS;
      case DATASET_NOT_FOUND -> ApiError.DATASET_NOT_FOUND;
      case DATASET_DEPRECATED -> ApiError.DATASET_DEPRECATED;
      case REJECTED -> ApiError.TRANSACTION_REJECTED;
      case CHAIN_UNAVAILABLE -> ApiError.CHAIN_UNAVAILABLE;
    };
  }
}

package io.assent.node.api;

import io.assent.node.dataset.license.UsePurpose;
import io.assent.node.dataset.permit.PermitService;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * {@code GET /v1/datasets/{id}/permits?purpose=&at=}: may the dataset be used for the purpose at
 * that time (default now), why, and the on-chain evidence. Public: the consent part is counts only.
 */
public final class GetDatasetPermits implements Endpoint {
  public static final String OPERATION_ID = "getDatasetPermits";

  private final Blocking blocking;
  private final PermitService permits;
  private final Clock clock;

  public GetDatasetPermits(Blocking blocking, PermitService permits, Clock clock) {
    this.blocking = blocking;
    this.permits = permits;
    this.clock = clock;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = DatasetParams.id(ctx.pathParam("id"));
    UsePurpose purpose = PermitParams.purpose(ctx.queryParams().get("purpose"));
    long at = PermitParams.at(ctx.queryParams().get("at"), clock);
    blocking.respond(
        ctx,
        () ->
            Reply.json(
                PermitJson.permit(
                    permits
                        .decide(id, purpose, at)
                        .orElseThrow(
                            () ->
                                new ApiException(
                                    ApiError.DATASET_NOT_FOUND, "no dataset " + id)))));
  }
}

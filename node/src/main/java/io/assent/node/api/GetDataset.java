package io.assent.node.api;

import io.assent.node.dataset.DatasetIndex;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/datasets/{id}}: one dataset as this node's index holds it, or 404. */
public final class GetDataset implements Endpoint {
  public static final String OPERATION_ID = "getDataset";

  private final Blocking blocking;
  private final DatasetIndex index;
  private final DatasetJson json;

  public GetDataset(Blocking blocking, DatasetIndex index, DatasetJson json) {
    this.blocking = blocking;
    this.index = index;
    this.json = json;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String id = DatasetParams.id(ctx.pathParam("id"));
    blocking.respond(
        ctx,
        () ->
            Reply.json(
                json.dataset(
                    index
                        .get(id)
                        .orElseThrow(
                            () ->
                                new ApiException(
                                    ApiError.DATASET_NOT_FOUND, "no dataset " + id)))));
  }
}

package io.assent.node.api;

import io.assent.node.dataset.DatasetHistoryEntry;
import io.assent.node.dataset.DatasetIndex;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /v1/datasets/{id}/history}: the dataset's registry events in chain order
 * (registration, license changes, curatorship transfers, deprecation), each with its transaction.
 */
public final class GetDatasetHistory implements Endpoint {
  public static final String OPERATION_ID = "getDatasetHistory";

  private final Blocking blocking;
  private final DatasetIndex index;
  private final DatasetJson json;

  public GetDatasetHistory(Blocking blocking, DatasetIndex index, DatasetJson json) {
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
        () -> {
          List<DatasetHistoryEntry> history = index.history(id);
          if (history.isEmpty()) {
            throw new ApiException(ApiError.DATASET_NOT_FOUND, "no dataset " + id);
          }
          return Reply.json(json.history(id, history));
        });
  }
}

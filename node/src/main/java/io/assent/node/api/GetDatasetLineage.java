package io.assent.node.api;

import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.LineageDirection;
import io.assent.node.dataset.LineageGraph;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * {@code GET /v1/datasets/{id}/lineage?direction=ancestors|descendants&depth=}: the lineage graph
 * within {@code depth} edges (default and most {@value #MAX_DEPTH}), each dataset once at its
 * shortest distance, with its license; {@code truncated} when the depth cut it.
 */
public final class GetDatasetLineage implements Endpoint {
  public static final String OPERATION_ID = "getDatasetLineage";
  static final int MAX_DEPTH = 100;

  private final Blocking blocking;
  private final DatasetIndex index;
  private final DatasetJson json;

  public GetDatasetLineage(Blocking blocking, DatasetIndex index, DatasetJson json) {
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
    String directionParam = ctx.queryParams().get("direction");
    LineageDirection direction =
        directionParam == null
            ? LineageDirection.ANCESTORS
            : LineageDirection.valueOf(directionParam.toUpperCase(Locale.ROOT));
    int depth =
        DatasetParams.number(ctx.queryParams().get("depth"), "depth", 1, MAX_DEPTH, MAX_DEPTH);
    blocking.respond(
        ctx,
        () -> {
          LineageGraph graph = index.lineage(id, direction, depth);
          if (graph.nodes().isEmpty()) {
            throw new ApiException(ApiError.DATASET_NOT_FOUND, "no dataset " + id);
          }
          return Reply.json(json.lineage(graph));
        });
  }
}

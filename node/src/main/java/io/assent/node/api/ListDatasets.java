package io.assent.node.api;

import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.DatasetRecord;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/datasets?curator=&license=&after=&limit=}: registered datasets in id order, one
 * page at a time. {@code next} is present when the page is full: pass it as {@code after} (the next
 * page may be empty).
 */
public final class ListDatasets implements Endpoint {
  public static final String OPERATION_ID = "listDatasets";
  static final int DEFAULT_LIMIT = 100;

  private final Blocking blocking;
  private final DatasetParams params;
  private final DatasetIndex index;
  private final DatasetJson json;

  public ListDatasets(Blocking blocking, DidParam didParam, DatasetIndex index, DatasetJson json) {
    this.blocking = blocking;
    this.params = new DatasetParams(didParam);
    this.index = index;
    this.json = json;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var query = ctx.queryParams();
    Optional<String> curator = Optional.ofNullable(query.get("curator")).map(params::curator);
    Optional<String> license = Optional.ofNullable(query.get("license"));
    Optional<String> after = Optional.ofNullable(query.get("after")).map(DatasetParams::id);
    int limit =
        DatasetParams.number(query.get("limit"), "limit", 1, DatasetIndex.MAX_LIMIT, DEFAULT_LIMIT);
    blocking.respond(
        ctx,
        () -> {
          List<DatasetRecord> page = index.list(curator, license, after, limit);
          String next = page.size() == limit ? page.getLast().id() : null;
          return Reply.json(json.list(page, next));
        });
  }
}

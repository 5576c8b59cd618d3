package io.assent.node.api;

import io.assent.node.anchor.AnchorerStatus;
import io.assent.node.chain.SyncStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * {@code GET /health/ready}: 200 UP when the index is within K blocks of the chain head (the
 * follower stays K behind by design, so "synced" means nothing left to apply); 503 otherwise:
 * SYNCING while it catches up, DEGRADED while the chain's RPC is unreachable (the node still
 * answers from its index), DOWN once the follower halted. A synced node whose anchorer cannot reach
 * the chain is DEGRADED too (consents are accepted and queued, not anchored). The body's {@code
 * anchoring} says whether this node anchors at all and how much waits.
 */
public final class HealthReady implements Endpoint {
  public static final String OPERATION_ID = "healthReady";

  private final Supplier<SyncStatus> sync;
  private final Supplier<AnchorerStatus> anchoring;
  private final int confirmations;

  public HealthReady(
      Supplier<SyncStatus> sync, Supplier<AnchorerStatus> anchoring, int confirmations) {
    this.sync = sync;
    this.anchoring = anchoring;
    this.confirmations = confirmations;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  @Override
  public void handle(RoutingContext ctx) {
    SyncStatus status = sync.get();
    AnchorerStatus anchor = anchoring.get();
    String state;
    String detail;
    if (status.halted()) {
      state = "DOWN";
      detail = "sync halted: " + status.lastError();
    } else if (!status.rpcReachable()) {
      state = "DEGRADED";
      detail =
          "chain RPC unreachable" + (status.lastError() == null ? "" : ": " + status.lastError());
    } else if (status.chainHead() < 0 || status.blocksBehind() > confirmations) {
      state = "SYNCING";
      detail = status.blocksBehind() + " blocks behind the head";
    } else if (!anchor.rpcReachable()) {
      state = "DEGRADED";
      detail = "anchoring failing: " + anchor.lastError();
    } else {
      state = "UP";
      detail = "synced to block " + status.syncedBlock();
    }
    Reply.json(
            "UP".equals(state) ? 200 : 503,
            new JsonObject()
                .put("status", state)
                .put("detail", detail)
                .put("anchoring", GetStatus.anchoring(anchor)))
        .writeTo(ctx);
  }
}

package io.assent.node.api;

import io.assent.node.NodeVersion;
import io.assent.node.anchor.AnchorerStatus;
import io.assent.node.chain.SyncStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /v1/status}: chain id, contract addresses, chain head, synced block and the index
 * digest, by which two nodes synced to the same block can be compared; and the anchoring: whether
 * this node anchors consents, how many wait in its queue and in unconfirmed batches; and how many
 * erasures wait for their compaction.
 */
public final class GetStatus implements Endpoint {
  public static final String OPERATION_ID = "getStatus";

  private final Blocking blocking;
  private final Supplier<SyncStatus> sync;
  private final Supplier<AnchorerStatus> anchoring;
  private final IntSupplier erasuresAwaitingCompaction;
  private final long chainId;
  private final String networkName;
  private final String didRegistry;
  private final String consentAnchor;
  private final String datasetRegistry;
  private final int confirmations;

  /**
   * @param erasuresAwaitingCompaction how many erasures wait for the compaction that removes their
   *     data from the store's files
   * @param consentAnchor the ConsentAnchor's address, or null when the node has none
   * @param datasetRegistry the DatasetRegistry's address, or null when the node indexes no datasets
   *     (consents are then taken for any dataset id)
   */
  public GetStatus(
      Blocking blocking,
      Supplier<SyncStatus> sync,
      Supplier<AnchorerStatus> anchoring,
      IntSupplier erasuresAwaitingCompaction,
      long chainId,
      String networkName,
      String didRegistry,
      String consentAnchor,
      String datasetRegistry,
      int confirmations) {
    this.blocking = blocking;
    this.sync = sync;
    this.anchoring = anchoring;
    this.erasuresAwaitingCompaction = erasuresAwaitingCompaction;
    this.chainId = chainId;
    this.networkName = networkName;
    this.didRegistry = didRegistry;
    this.consentAnchor = consentAnchor;
    this.datasetRegistry = datasetRegistry;
    this.confirmations = confirmations;
  }

  @Override
  public String operationId() {
    return OPERATION_ID;
  }

  /** On the worker pool: counting the erasures that wait reads the store. */
  @Override
  public void handle(RoutingContext ctx) {
    blocking.respond(ctx, this::status);
  }

  private Reply status() {
    SyncStatus status = sync.get();
    JsonObject body =
        new JsonObject()
            .put("version", NodeVersion.version())
            .put("chainId", chainId)
            .put("networkName", networkName)
            .put(
                "contracts",
                new JsonObject()
                    .put("didRegistry", didRegistry)
                    .put("consentAnchor", consentAnchor)
                    .put("datasetRegistry", datasetRegistry))
            .put("chainHead", status.chainHead() < 0 ? null : status.chainHead())
            .put("syncedBlock", status.syncedBlock())
            .put("syncedBlockHash", status.syncedBlockHash())
            .put("confirmations", confirmations)
            .put("indexDigest", status.indexDigest())
            .put("rpcReachable", status.rpcReachable())
            .put("anchoring", anchoring(anchoring.get()))
            .put(
                "erasures",
                new JsonObject().put("awaitingCompaction", erasuresAwaitingCompaction.getAsInt()))
            .put(
                "datasets",
                new JsonObject()
                    .put("enabled", datasetRegistry != null)
                    .put("consentsRequireRegisteredDataset", datasetRegistry != null));
    if (status.lastError() != null) {
      body.put("lastError", status.lastError());
    }
    if (status.halted()) {
      body.put("halted", true);
    }
    return Reply.json(body);
  }

  /** The anchorer's status as JSON, shared with {@code /health/ready}. */
  static JsonObject anchoring(AnchorerStatus status) {
    JsonObject json =
        new JsonObject()
            .put("enabled", status.enabled())
            .put("queuedConsents", status.queuedLeaves())
            .put("queuedWithdrawals", status.queuedWithdrawals())
            .put("pendingBatches", status.pendingBatches())
            .put("rpcReachable", status.rpcReachable());
    if (status.lastError() != null) {
      json.put("lastError", status.lastError());
    }
    if (status.waitsForIndexAt() >= 0) {
      json.put("waitsForIndexAt", status.waitsForIndexAt());
    }
    return json;
  }
}

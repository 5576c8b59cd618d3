package io.assent.node.api;

import io.assent.node.dataset.ChainRef;
import io.assent.node.dataset.DatasetHistoryEntry;
import io.assent.node.dataset.DatasetRecord;
import io.assent.node.dataset.LicenseCheck;
import io.assent.node.dataset.LineageEdge;
import io.assent.node.dataset.LineageGraph;
import io.assent.node.dataset.LineageNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The dataset endpoints' JSON (field names are a contract with the CLI; see openapi.yaml's {@code
 * Dataset}, {@code DatasetLineage}, {@code DatasetHistory}). Curators appear as did:ethr DIDs of
 * this node's network, with the bare address next to them.
 */
public final class DatasetJson {
  private final String networkName;
  private final LicenseCheck licenses;

  /**
   * @param networkName the network part of curator DIDs ({@code did:ethr:<networkName>:0x…})
   */
  public DatasetJson(String networkName, LicenseCheck licenses) {
    this.networkName = networkName;
    this.licenses = licenses;
  }

  String did(String address) {
    return "did:ethr:" + networkName + ":" + address;
  }

  /** {@code DatasetView}. */
  JsonObject dataset(DatasetRecord r) {
    JsonObject json =
        new JsonObject()
            .put("id", r.id())
            .put("curator", did(r.curator()))
            .put("curatorAddress", r.curator())
            .put("name", r.name())
            .put("version", r.version())
            .put("contentDigest", r.contentDigest())
            .put("metadataDigest", r.metadataDigest())
            .put("metadataUri", r.metadataUri())
            .put("license", r.license())
            .put("licenseValid", licenses.isValid(r.license()))
            .put("parents", new JsonArray(r.parents()))
            .put("registered", chainRef(r.registered()));
    if (r.licenseChanged() != null) {
      json.put("licenseChanged", chainRef(r.licenseChanged()));
    }
    if (r.deprecation() != null) {
      json.put(
          "deprecated", chainRef(r.deprecation().at()).put("reason", r.deprecation().reason()));
    }
    return json;
  }

  JsonObject list(List<DatasetRecord> page, String next) {
    JsonArray datasets = new JsonArray();
    page.forEach(r -> datasets.add(dataset(r)));
    JsonObject json = new JsonObject().put("datasets", datasets);
    if (next != null) {
      json.put("next", next);
    }
    return json;
  }

  JsonObject lineage(LineageGraph graph) {
    JsonArray nodes = new JsonArray();
    for (LineageNode node : graph.nodes()) {
      DatasetRecord r = node.dataset();
      nodes.add(
          new JsonObject()
              .put("id", r.id())
              .put("name", r.name())
              .put("version", r.version())
              .put("license", r.license())
              .put("licenseValid", licenses.isValid(r.license()))
              .put("deprecated", r.deprecated())
              .put("depth", node.depth()));
    }
    JsonArray edges = new JsonArray();
    for (LineageEdge edge : graph.edges()) {
      edges.add(new JsonObject().put("parent", edge.parent()).put("child", edge.child()));
    }
    return new JsonObject()
        .put("root", graph.root())
        .put("direction", graph.direction().name().toLowerCase(Locale.ROOT))
        .put("depth", graph.maxDepth())
        .put("truncated", graph.truncated())
        .put("nodes", nodes)
        .put("edges", edges);
  }

  JsonObject history(String id, List<DatasetHistoryEntry> entries) {
    JsonArray events = new JsonArray();
    for (DatasetHistoryEntry e : entries) {
      JsonObject event = new JsonObject().put("type", e.type());
      chainRef(e.at()).forEach(field -> event.put(field.getKey(), field.getValue()));
      if (e.license() != null) {
        event.put("license", e.license());
      }
      if (e.curator() != null) {
        event.put("curator", did(e.curator())).put("curatorAddress", e.curator());
      }
      if (e.reason() != null) {
        event.put("reason", e.reason());
      }
      events.add(event);
    }
    return new JsonObject().put("id", id).put("events", events);
  }

  static JsonObject chainRef(ChainRef ref) {
    return new JsonObject()
        .put("blockNumber", ref.blockNumber())
        .put("blockHash", ref.blockHash())
        .put("txHash", ref.txHash())
        .put("logIndex", ref.logIndex())
        .put("timestamp", ref.timestamp())
        .put("actor", ref.actor());
  }
}

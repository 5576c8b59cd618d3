package io.assent.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.dataset.ChainRef;
import io.assent.node.dataset.DatasetHistoryEntry;
import io.assent.node.dataset.DatasetRecord;
import io.assent.node.dataset.Deprecation;
import io.assent.node.dataset.LineageDirection;
import io.assent.node.dataset.LineageEdge;
import io.assent.node.dataset.LineageGraph;
import io.assent.node.dataset.LineageNode;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dataset JSON the CLI reads: field names and shapes are a contract (golden values). */
class DatasetJsonTest {
  private static final String ID = "0x" + "1d".repeat(32);
  private static final String PARENT = "0x" + "2e".repeat(32);
  private static final String CURATOR = "0x" + "c1".repeat(20);
  private static final String ACTOR = "0x" + "a1".repeat(20);
  private static final String DIGEST = "0x" + "d1".repeat(32);
  private static final ChainRef REGISTERED =
      new ChainRef(7, "0x" + "b7".repeat(32), "0x" + "e7".repeat(32), 1, 1_767_225_600L, ACTOR);
  private static final ChainRef CHANGED =
      new ChainRef(9, "0x" + "b9".repeat(32), "0x" + "e9".repeat(32), 0, 1_767_225_624L, ACTOR);

  private final DatasetJson json =
      new DatasetJson("dev", e -> e.equals("bad(") ? Optional.of("x") : Optional.empty());

  private static DatasetRecord record(String license, ChainRef changed, Deprecation deprecation) {
    return new DatasetRecord(
        ID,
        CURATOR,
        "corpus",
        "1.0",
        DIGEST,
        DIGEST,
        "ipfs://m",
        license,
        List.of(PARENT),
        REGISTERED,
        changed,
        deprecation);
  }

  private static JsonObject ref(ChainRef r) {
    return new JsonObject()
        .put("blockNumber", r.blockNumber())
        .put("blockHash", r.blockHash())
        .put("txHash", r.txHash())
        .put("logIndex", r.logIndex())
        .put("timestamp", r.timestamp())
        .put("actor", r.actor());
  }

  @Test
  void datasetViewHasEveryFieldAndOptionalPartsOnlyWhenPresent() {
    JsonObject fresh = json.dataset(record("MIT", null, null));
    assertThat(fresh)
        .isEqualTo(
            new JsonObject()
                .put("id", ID)
                .put("curator", "did:ethr:dev:" + CURATOR)
                .put("curatorAddress", CURATOR)
                .put("name", "corpus")
                .put("version", "1.0")
                .put("contentDigest", DIGEST)
                .put("metadataDigest", DIGEST)
                .put("metadataUri", "ipfs://m")
                .put("license", "MIT")
                .put("licenseValid", true)
                .put("parents", new io.vertx.core.json.JsonArray().add(PARENT))
                .put("registered", ref(REGISTERED)));

    JsonObject old = json.dataset(record("bad(", CHANGED, new Deprecation("gone", CHANGED)));
    assertThat(old.getBoolean("licenseValid")).isFalse();
    assertThat(old.getJsonObject("licenseChanged")).isEqualTo(ref(CHANGED));
    assertThat(old.getJsonObject("deprecated")).isEqualTo(ref(CHANGED).put("reason", "gone"));
  }

  @Test
  void lineageAndHistoryShapes() {
    LineageGraph graph =
        new LineageGraph(
            ID,
            LineageDirection.DESCENDANTS,
            3,
            List.of(new LineageNode(record("MIT", null, new Deprecation("r", CHANGED)), 0)),
            List.of(new LineageEdge(ID, PARENT)),
            true);
    assertThat(json.lineage(graph).encode())
        .isEqualTo(
            "{\"root\":\""
                + ID
                + "\",\"direction\":\"descendants\",\"depth\":3,\"truncated\":true,"
                + "\"nodes\":[{\"id\":\""
                + ID
                + "\",\"name\":\"corpus\",\"version\":\"1.0\","
                + "\"license\":\"MIT\",\"licenseValid\":true,\"deprecated\":true,\"depth\":0}],"
                + "\"edges\":[{\"parent\":\""
                + ID
                + "\",\"child\":\""
                + PARENT
                + "\"}]}");

    JsonObject history =
        json.history(
            ID,
            List.of(
                new DatasetHistoryEntry("registered", REGISTERED, "MIT", CURATOR, null),
                new DatasetHistoryEntry("deprecated", CHANGED, null, null, "gone")));
    assertThat(history.getString("id")).isEqualTo(ID);
    assertThat(history.getJsonArray("events").getJsonObject(0))
        .isEqualTo(
            ref(REGISTERED)
                .put("type", "registered")
                .put("license", "MIT")
                .put("curator", "did:ethr:dev:" + CURATOR)
                .put("curatorAddress", CURATOR));
    assertThat(history.getJsonArray("events").getJsonObject(1))
        .isEqualTo(ref(CHANGED).put("type", "deprecated").put("reason", "gone"));
  }
}

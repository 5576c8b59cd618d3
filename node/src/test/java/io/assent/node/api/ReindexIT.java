package io.assent.node.api;

import static io.assent.node.api.DatasetRelayRequests.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.Http;
import io.assent.node.NodeMain;
import io.assent.node.TestNode;
import io.assent.node.config.NodeConfigLoader;
import io.assent.node.store.IncompatibleDatabaseException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A node configured with a dataset registry after it synced: it refuses to start on an index that
 * lacks the registry's earlier events, {@code assent-node reindex} rebuilds the index, and the node
 * then serves what a fresh sync serves, with its consents and their anchors intact.
 */
class ReindexIT {
  private final TestNode net = TestNode.startChain();

  @AfterEach
  void stop() {
    net.close();
  }

  @Test
  void aRegistryAddedAfterTheSyncIsRefusedUntilReindexedAndThenServedAsByAFreshSync()
      throws IOException {
    Map<String, String> plain = net.settings(fastAnchoring());
    Map<String, String> withDatasets = new HashMap<>(plain);
    withDatasets.putAll(net.withDatasets());

    // A node without the dataset registry takes a consent (for any dataset id) and anchors it,
    // while a curator registers a dataset it does not index.
    AssentNode first = start(plain);
    Http http = new Http(first.httpPort());
    ConsentApiRequests requests =
        new ConsentApiRequests(Eip712Domain.assent(Anvil.CHAIN_ID, net.consentAnchor().address()));
    var subject = ConsentApiRequests.newIdentity();
    Http.Response accepted = http.postJson("/v1/consents", requests.grant(subject, subject));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String consentId = accepted.json().getString("consentId");
    String dataset = register();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> anchored(http, consentId) && synced(http) >= net.anvil().blockNumber());
    JsonObject anchorBefore = http.get("/v1/consents/" + consentId).json().getJsonObject("anchor");
    Run whileRunning = reindex(withDatasets);
    assertThat(whileRunning.exitCode()).isEqualTo(1);
    assertThat(whileRunning.err()).contains("is a node running on it?");
    first.close();

    assertThatThrownBy(() -> start(withDatasets))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("datasetRegistry " + net.datasetRegistry().address().toLowerCase())
        .hasMessageContaining("assent-node reindex");

    // Another anchor contract would strand the node's batch: refused, nothing changes.
    Map<String, String> otherAnchor = new HashMap<>(withDatasets);
    otherAnchor.put("contracts.consentAnchor", net.registry().address());
    Run refused = reindex(otherAnchor);
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("cannot move to another anchor contract")
        .doesNotContain("\n\n");
    assertThatThrownBy(() -> start(withDatasets)).isInstanceOf(IncompatibleDatabaseException.class);

    Run rebuilt = reindex(withDatasets);
    assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.out()).contains("cleared", "datasetRegistry");

    AssentNode reindexed = start(withDatasets);
    AssentNode fresh = net.startNode(withDatasetsFreshDir());
    Http reindexedHttp = new Http(reindexed.httpPort());
    Http freshHttp = new Http(fresh.httpPort());
    long head = net.anvil().blockNumber();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> synced(reindexedHttp) >= head && synced(freshHttp) >= head);
    assertThat(reindexedHttp.get("/v1/datasets/" + dataset).status()).isEqualTo(200);
    assertThat(reindexedHttp.get("/v1/status").json().getString("indexDigest"))
        .isEqualTo(freshHttp.get("/v1/status").json().getString("indexDigest"));
    // The consent kept its anchor: the same transaction, no second one.
    await().atMost(Duration.ofSeconds(30)).until(() -> anchored(reindexedHttp, consentId));
    assertThat(reindexedHttp.get("/v1/consents/" + consentId).json().getJsonObject("anchor"))
        .isEqualTo(anchorBefore);
    assertThat(net.anvil().blockNumber()).isEqualTo(head);
  }

  private Map<String, String> withDatasetsFreshDir() {
    Map<String, String> settings = new HashMap<>(fastAnchoring());
    settings.putAll(net.withDatasets());
    return settings;
  }

  private static Map<String, String> fastAnchoring() {
    return Map.of("anchor.maxWaitMs", "100");
  }

  private AssentNode start(Map<String, String> settings) {
    return AssentNode.start(new NodeConfigLoader(Map.of()).load(null, settings));
  }

  private String register() {
    DatasetRegistryClient curator =
        DatasetRegistryClient.load(
            net.datasetRegistry().address(),
            net.anvil().web3j(),
            net.anvil().transactionManager(Anvil.devCredentials(3)),
            Anvil.gasProvider());
    DatasetOperation.Register op =
        registration(Anvil.devCredentials(3).getAddress(), "late", "MIT", List.of());
    curator.send(op);
    return op.datasetId();
  }

  private static boolean anchored(Http http, String consentId) {
    return "anchored".equals(http.get("/v1/consents/" + consentId).json().getString("status"));
  }

  private static long synced(Http http) {
    return http.get("/v1/status").json().getLong("syncedBlock");
  }

  private record Run(int exitCode, String out, String err) {}

  /** {@code assent-node reindex --config FILE}, the file holding {@code settings}. */
  private static Run reindex(Map<String, String> settings) throws IOException {
    JsonObject json = new JsonObject();
    settings.forEach(
        (key, value) -> {
          int dot = key.indexOf('.');
          if (dot < 0) {
            json.put(key, value);
          } else {
            JsonObject section = json.getJsonObject(key.substring(0, dot), new JsonObject());
            json.put(key.substring(0, dot), section.put(key.substring(dot + 1), value));
          }
        });
    Path file = Files.createTempFile("assent-reindex-", ".json");
    try {
      Files.writeString(file, json.encodePrettily());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = NodeMain.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      int code = cli.execute("reindex", "--config", file.toString());
      return new Run(code, out.toString(), err.toString());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}

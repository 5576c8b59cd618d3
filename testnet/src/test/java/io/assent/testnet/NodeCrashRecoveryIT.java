package io.assent.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidRegistryClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * {@code kill -9} of a node process while it syncs, repeatedly, then a restart: the index ends
 * identical (same digest, same documents) to that of a node that synced the chain from scratch
 * without interruption.
 */
class NodeCrashRecoveryIT {
  private static final int KILLS = 5;

  @TempDir Path dir;

  @Test
  void killNineDuringSyncLeavesTheSameIndexAsAFreshSync() throws Exception {
    try (Anvil anvil = Anvil.start()) {
      Path config = deploy(anvil, dir.resolve("node.json"));
      DidRegistryClient registry =
          DidRegistryClient.load(
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(config.toFile())
                  .at("/contracts/didRegistry")
                  .asText(),
              anvil.web3j(),
              anvil.transactionManager(Anvil.devCredentials(0)),
              new DefaultGasProvider());
      List<Credentials> people = writeHistory(registry);
      long head = anvil.blockNumber();

      // Small ranges: many commits, so the kills land between and during them.
      Map<String, String> slowSync =
          Map.of("ASSENT_CHAIN_RANGE_SIZE", "2", "ASSENT_CHAIN_POLL_INTERVAL_MS", "20");
      String crashedDigest;
      try (NodeProcess node =
          NodeProcess.start(config, Anvil.freePort(), slowSync, dir.resolve("crashed.log"))) {
        NodeClient client = new NodeClient(node.url());
        for (int i = 1; i <= KILLS; i++) {
          long threshold = head * i / (KILLS + 1);
          client.awaitSyncedTo(threshold, Duration.ofSeconds(60));
          node.kill9();
          node.restart();
        }
        crashedDigest =
            client.awaitSyncedTo(head, Duration.ofSeconds(120)).get("indexDigest").asText();
        Path freshConfig = withDataDir(config, dir.resolve("fresh-data"));
        try (NodeProcess fresh =
            NodeProcess.start(freshConfig, Anvil.freePort(), Map.of(), dir.resolve("fresh.log"))) {
          NodeClient freshClient = new NodeClient(fresh.url());
          JsonNode freshStatus = freshClient.awaitSyncedTo(head, Duration.ofSeconds(120));
          assertThat(crashedDigest).isEqualTo(freshStatus.get("indexDigest").asText());
          for (Credentials person : people.subList(0, 5)) {
            String did = "did:ethr:dev:" + person.getAddress();
            assertThat(client.resolve(did).body().get("didDocument"))
                .isEqualTo(freshClient.resolve(did).body().get("didDocument"));
          }
        }
      }
    }
  }

  private static List<Credentials> writeHistory(DidRegistryClient registry) {
    DidHistory history = new DidHistory(registry);
    List<Credentials> people = DidHistory.newIdentities(30);
    String last = null;
    for (int round = 0; round < 4; round++) {
      for (Credentials person : people) {
        last = history.addService(person, "ConsentService", "https://node" + round + ".example");
      }
    }
    history.await(last);
    return people;
  }

  /** Runs {@code assent-node deploy}, as an operator would, and returns the config it wrote. */
  static Path deploy(Anvil anvil, Path out) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Artifacts.nodeJar().toString(),
                "deploy",
                "--rpc-url",
                anvil.rpcUrl(),
                "--out",
                out.toString(),
                "--data-dir",
                out.resolveSibling("data").toString())
            .redirectErrorStream(true);
    builder.environment().put("ASSENT_DEPLOYER_KEY", Anvil.DEV_KEYS.get(0));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("deployed DIDRegistry");
    return out;
  }

  static Path withDataDir(Path config, Path dataDir) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(config.toFile());
    root.put("dataDir", dataDir.toString());
    Path copy = config.resolveSibling("fresh-" + config.getFileName());
    Files.writeString(copy, mapper.writeValueAsString(root));
    return copy;
  }
}

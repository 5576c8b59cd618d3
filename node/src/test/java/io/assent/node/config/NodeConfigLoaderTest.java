package io.assent.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigLoaderTest {
  private static final String REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final String ANCHOR = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

  @TempDir Path dir;

  private Path file(String json) throws Exception {
    Path f = dir.resolve("node.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void fileThenEnvironmentThenFlags() throws Exception {
    Path f =
        file(
            """
            {"dataDir": "from-file", "http": {"port": 9000},
             "chain": {"chainId": 31337, "rpcUrl": "http://file:8545", "networkNames": ["dev", "local"]},
             "contracts": {"didRegistry": "%s"}}
            """
                .formatted(REGISTRY));
    Map<String, String> env =
        Map.of("ASSENT_HTTP_PORT", "9100", "ASSENT_CHAIN_RPC_URL", "http://env:8545");
    Map<String, String> flags = new HashMap<>();
    flags.put("http.port", "9200");
    flags.put("dataDir", null);
    NodeConfig config = new NodeConfigLoader(env).load(f, flags);
    assertThat(config.dataDir()).isEqualTo(Path.of("from-file"));
    assertThat(config.http().port()).isEqualTo(9200);
    assertThat(config.chain().rpcUrl()).isEqualTo("http://env:8545");
    assertThat(config.chain().networkNames()).containsExactly("dev", "local");
    assertThat(config.didRegistry()).isEqualTo(REGISTRY.toLowerCase());
    assertThat(config.chain().pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.relayerKey()).isNull();
  }

  @Test
  void environmentNamesAreUpperSnakeCase() {
    assertThat(NodeConfigLoader.environmentName("chain.rpcUrl")).isEqualTo("ASSENT_CHAIN_RPC_URL");
    assertThat(NodeConfigLoader.environmentName("dataDir")).isEqualTo("ASSENT_DATA_DIR");
  }

  @Test
  void refusesMissingUnknownAndMalformedSettings() throws Exception {
    NodeConfigLoader loader = new NodeConfigLoader(Map.of());
    assertThatThrownBy(() -> loader.load(null, Map.of("contracts.didRegistry", REGISTRY)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chain.chainId")
        .hasMessageContaining("ASSENT_CHAIN_CHAIN_ID");
    assertThatThrownBy(() -> loader.load(file("{\"chian\": {\"id\": 1}}"), Map.of()))
        .hasMessageContaining("unknown setting chian.id");
    assertThatThrownBy(
            () ->
                loader.load(null, Map.of("chain.chainId", "1", "contracts.didRegistry", "0x1234")))
        .hasMessageContaining("not an address");
    assertThatThrownBy(
            () ->
                loader.load(
                    null,
                    Map.of(
                        "chain.chainId", "1", "contracts.didRegistry", REGISTRY, "http.port", "x")))
        .hasMessageContaining("http.port must be a whole number");
    assertThatThrownBy(
            () ->
                loader.load(
                    null,
                    Map.of(
                        "chain.chainId", "1",
                        "contracts.didRegistry", REGISTRY,
                        "relayer.key", "0xnothex")))
        .hasMessageContaining("relayer key");
    assertThatThrownBy(() -> loader.load(file("[1]"), Map.of()))
        .hasMessageContaining("JSON object");
  }

  @Test
  void anchoringIsOffWithoutTheContractAndTunedByBatchSizeAndMaxWait() throws Exception {
    NodeConfigLoader loader =
        new NodeConfigLoader(Map.of("ASSENT_CONTRACTS_CONSENT_ANCHOR", ANCHOR));
    NodeConfig defaults =
        new NodeConfigLoader(Map.of())
            .load(null, Map.of("chain.chainId", "1", "contracts.didRegistry", REGISTRY));
    assertThat(defaults.consentAnchor()).isNull();
    assertThat(defaults.anchor())
        .isEqualTo(new NodeConfig.Anchor(1000, Duration.ofSeconds(10), 20));
    assertThat(defaults.erasure()).isEqualTo(new NodeConfig.Erasure(Duration.ofSeconds(10)));

    NodeConfig tuned =
        loader.load(
            file("{\"anchor\": {\"batchSize\": 50, \"maxWaitMs\": 250, \"resendAfterBlocks\": 3}}"),
            Map.of("chain.chainId", "1", "contracts.didRegistry", REGISTRY));
    assertThat(tuned.consentAnchor()).isEqualTo(ANCHOR.toLowerCase());
    assertThat(tuned.anchor()).isEqualTo(new NodeConfig.Anchor(50, Duration.ofMillis(250), 3));
    NodeConfig fromEnv =
        new NodeConfigLoader(Map.of("ASSENT_ERASURE_COMPACTION_INTERVAL_MS", "500"))
            .load(null, Map.of("chain.chainId", "1", "contracts.didRegistry", REGISTRY));
    assertThat(fromEnv.erasure().compactionInterval()).isEqualTo(Duration.ofMillis(500));

    Map<String, String> base = Map.of("chain.chainId", "1", "contracts.didRegistry", REGISTRY);
    assertThatThrownBy(() -> loader.load(file("{\"anchor\": {\"batchSize\": 0}}"), base))
        .hasMessageContaining("anchor.batchSize must be between 1 and 65536");
    assertThatThrownBy(
            () -> loader.load(file("{\"erasure\": {\"compactionIntervalMs\": 10}}"), base))
        .hasMessageContaining("erasure.compactionIntervalMs must be between 100 and 3600000");
    assertThatThrownBy(
            () ->
                new NodeConfigLoader(Map.of("ASSENT_CONTRACTS_CONSENT_ANCHOR", "0x12"))
                    .load(null, base))
        .hasMessageContaining("contracts.consentAnchor is not an address");
  }

  @Test
  void datasetRegistryComesFromFileThenEnvironmentThenFlag() throws Exception {
    Map<String, String> base = Map.of("chain.chainId", "1", "contracts.didRegistry", REGISTRY);
    String fromFile = "0x" + "1".repeat(40);
    String fromEnv = "0x" + "2".repeat(40);
    String fromFlag = "0x" + "3".repeat(40);
    Path config = file("{\"contracts\": {\"datasetRegistry\": \"" + fromFile + "\"}}");
    Map<String, String> env = Map.of("ASSENT_CONTRACTS_DATASET_REGISTRY", fromEnv);
    Map<String, String> flag = new HashMap<>(base);
    flag.put("contracts.datasetRegistry", fromFlag);

    assertThat(new NodeConfigLoader(Map.of()).load(null, base).datasetRegistry()).isNull();
    assertThat(new NodeConfigLoader(Map.of()).load(config, base).datasetRegistry())
        .isEqualTo(fromFile);
    assertThat(new NodeConfigLoader(env).load(config, base).datasetRegistry()).isEqualTo(fromEnv);
    assertThat(new NodeConfigLoader(env).load(config, flag).datasetRegistry()).isEqualTo(fromFlag);
    assertThat(new NodeConfigLoader(env).load(config, flag).toString())
        .contains("datasetRegistry=" + fromFlag);
    assertThatThrownBy(
            () ->
                new NodeConfigLoader(Map.of("ASSENT_CONTRACTS_DATASET_REGISTRY", "0xabc"))
                    .load(null, base))
        .hasMessageContaining("contracts.datasetRegistry is not an address");
  }

  @Test
  void relayerKeyIsNeverPrinted() {
    NodeConfig config =
        new NodeConfigLoader(Map.of())
            .load(
                null,
                Map.of(
                    "chain.chainId", "1",
                    "contracts.didRegistry", REGISTRY,
                    "relayer.key",
                        "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    assertThat(config.relayerKey()).startsWith("0xac09");
    assertThat(config.toString()).doesNotContain("ac0974").contains("relayer=on");
  }
}

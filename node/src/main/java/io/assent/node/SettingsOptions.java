package io.assent.node;

import io.assent.node.config.NodeConfig;
import io.assent.node.config.NodeConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The settings flags of the commands that open a node's database ({@code run}, {@code reindex}):
 * the config file, then {@code ASSENT_*} environment variables, then these flags.
 */
final class SettingsOptions {

  @Option(names = "--config", description = "JSON config file (as written by deploy).")
  Path config;

  @Option(names = "--data-dir", description = "RocksDB index folder (default: data).")
  String dataDir;

  @Option(names = "--http-host", description = "HTTP listen address (default: 127.0.0.1).")
  String httpHost;

  @Option(names = "--http-port", description = "HTTP port; 0 picks a free one (default: 8080).")
  String httpPort;

  @Option(names = "--rpc-url", description = "The chain's JSON-RPC endpoint.")
  String rpcUrl;

  @Option(names = "--chain-id", description = "The chain id the RPC must report.")
  String chainId;

  @Option(
      names = "--confirmations",
      description = "K: blocks behind the head the index stays (default: 0).")
  String confirmations;

  @Option(names = "--did-registry", description = "The DID registry contract address.")
  String didRegistry;

  @Option(
      names = "--dataset-registry",
      description = "The DatasetRegistry contract address (default: none, no dataset index).")
  String datasetRegistry;

  /** The node's configuration from the file, the environment and these flags. */
  NodeConfig load() {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("dataDir", dataDir);
    flags.put("http.host", httpHost);
    flags.put("http.port", httpPort);
    flags.put("chain.rpcUrl", rpcUrl);
    flags.put("chain.chainId", chainId);
    flags.put("chain.confirmations", confirmations);
    flags.put("contracts.didRegistry", didRegistry);
    flags.put("contracts.datasetRegistry", datasetRegistry);
    return new NodeConfigLoader(System.getenv()).load(config, flags);
  }
}

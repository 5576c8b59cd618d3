package io.assent.node;

import io.assent.node.config.NodeConfig;
import io.assent.node.config.NodeConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assent-node run}: runs a node until SIGINT/SIGTERM. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node until interrupted.",
      "Settings come from the config file, then ASSENT_* environment variables"
          + " (e.g. ASSENT_CHAIN_RPC_URL), then these flags."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

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

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("dataDir", dataDir);
    flags.put("http.host", httpHost);
    flags.put("http.port", httpPort);
    flags.put("chain.rpcUrl", rpcUrl);
    flags.put("chain.chainId", chainId);
    flags.put("chain.confirmations", confirmations);
    flags.put("contracts.didRegistry", didRegistry);
    flags.put("contracts.datasetRegistry", datasetRegistry);
    NodeConfig nodeConfig = new NodeConfigLoader(System.getenv()).load(config, flags);
    AssentNode node = AssentNode.start(nodeConfig);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  node.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }
}

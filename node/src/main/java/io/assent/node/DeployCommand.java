package io.assent.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.did.DidRegistryClient;
import io.assent.node.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assent-node deploy}: deploys Assent's contracts to a chain and writes a node config file
 * naming them (chain id, addresses, the deployment block to sync from). The deployer's key comes
 * from an environment variable, never from a flag (flags show in {@code ps}).
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description =
        "Deploys the contracts (DIDRegistry, ConsentAnchor, DatasetRegistry) and writes a node"
            + " config file for them.")
final class DeployCommand implements Callable<Integer> {

  @Option(
      names = "--rpc-url",
      required = true,
      description = "The chain's JSON-RPC endpoint, e.g. http://127.0.0.1:8545.")
  String rpcUrl;

  @Option(
      names = "--deployer-key-env",
      defaultValue = "ASSENT_DEPLOYER_KEY",
      description =
          "Environment variable holding the deployer's private key (default: ${DEFAULT-VALUE}).")
  String deployerKeyEnv;

  @Option(names = "--out", required = true, description = "The node config file to write.")
  Path out;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description = "dataDir written to the config (default: ${DEFAULT-VALUE}).")
  String dataDir;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description = "http.port written to the config (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--network-name",
      defaultValue = "dev",
      description =
          "A network name DIDs may use besides the hex chain id (default: ${DEFAULT-VALUE}).")
  String networkName;

  @Option(
      names = "--confirmations",
      defaultValue = "0",
      description = "K written to the config (default: ${DEFAULT-VALUE}).")
  int confirmations;

  @Override
  public Integer call() throws Exception {
    String key = System.getenv(deployerKeyEnv);
    if (key == null || key.isBlank()) {
      throw new ConfigException("set " + deployerKeyEnv + " to the deployer's private key");
    }
    Web3j web3j = Web3j.build(new HttpService(rpcUrl));
    try {
      long chainId = web3j.ethChainId().send().getChainId().longValueExact();
      RawTransactionManager transactions =
          new RawTransactionManager(
              web3j,
              Credentials.create(key.trim()),
              chainId,
              new PollingTransactionReceiptProcessor(web3j, 100, 600));
      DidRegistryClient registry =
          DidRegistryClient.deploy(web3j, transactions, new DefaultGasProvider());
      ConsentAnchorClient anchor =
          ConsentAnchorClient.deploy(web3j, transactions, new DefaultGasProvider());
      DatasetRegistryClient datasets =
          DatasetRegistryClient.deploy(
              web3j, transactions, new DefaultGasProvider(), registry.address());
      long block = registry.deploymentReceipt().orElseThrow().getBlockNumber().longValueExact();
      writeConfig(chainId, registry.address(), anchor.address(), datasets.address(), block);
      System.out.printf(
          "deployed DIDRegistry at %s, ConsentAnchor at %s and DatasetRegistry at %s"
              + " (chain %d, from block %d); wrote %s%n",
          registry.address(), anchor.address(), datasets.address(), chainId, block, out);
      return 0;
    } finally {
      web3j.shutdown();
    }
  }

  private void writeConfig(
      long chainId, String registry, String anchor, String datasets, long deploymentBlock)
      throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("dataDir", dataDir);
    root.putObject("http").put("host", "127.0.0.1").put("port", httpPort);
    ObjectNode chain = root.putObject("chain");
    chain.put("rpcUrl", rpcUrl);
    chain.put("chainId", chainId);
    chain.putArray("networkNames").add(networkName);
    chain.put("confirmations", confirmations);
    chain.put("startBlock", deploymentBlock);
    chain.put("pollIntervalMs", 200);
    root.putObject("contracts")
        .put("didRegistry", registry)
        .put("consentAnchor", anchor)
        .put("datasetRegistry", datasets);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    mapper.writeValue(out.toFile(), root);
  }
}

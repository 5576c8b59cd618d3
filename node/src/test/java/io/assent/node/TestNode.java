package io.assent.node;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidRegistryClient;
import io.assent.node.config.NodeConfig;
import io.assent.node.config.NodeConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A dev chain with the registry deployed, and nodes on it, for integration tests: each node gets a
 * fresh temp data dir and a free HTTP port. Close it to stop everything.
 */
public final class TestNode implements AutoCloseable {
  /** Anvil account 1 pays relayed transactions; account 0 deploys. */
  public static final int RELAYER = 1;

  private final Anvil anvil;
  private final DidRegistryClient registry;
  private final ConsentAnchorClient consentAnchor;
  private final DatasetRegistryClient datasetRegistry;
  private final long deploymentBlock;
  private final java.util.List<AssentNode> nodes = new java.util.ArrayList<>();
  private final java.util.List<Path> dirs = new java.util.ArrayList<>();

  private TestNode(
      Anvil anvil,
      DidRegistryClient registry,
      ConsentAnchorClient consentAnchor,
      DatasetRegistryClient datasetRegistry,
      long deploymentBlock) {
    this.anvil = anvil;
    this.registry = registry;
    this.consentAnchor = consentAnchor;
    this.datasetRegistry = datasetRegistry;
    this.deploymentBlock = deploymentBlock;
  }

  public static TestNode startChain() {
    Anvil anvil = Anvil.start();
    DidRegistryClient registry =
        DidRegistryClient.deploy(
            anvil.web3j(),
            anvil.transactionManager(Anvil.devCredentials(0)),
            new DefaultGasProvider());
    ConsentAnchorClient consentAnchor =
        ConsentAnchorClient.deploy(
            anvil.web3j(),
            anvil.transactionManager(Anvil.devCredentials(0)),
            new DefaultGasProvider());
    DatasetRegistryClient datasetRegistry =
        DatasetRegistryClient.deploy(
            anvil.web3j(),
            anvil.transactionManager(Anvil.devCredentials(0)),
            new DefaultGasProvider(),
            registry.address());
    long block = registry.deploymentReceipt().orElseThrow().getBlockNumber().longValueExact();
    return new TestNode(anvil, registry, consentAnchor, datasetRegistry, block);
  }

  /**
   * The DatasetRegistry deployed next to the DID registry. Nodes index it only when configured with
   * it ({@link #withDatasets()}); without it they take consents for any dataset id.
   */
  public DatasetRegistryClient datasetRegistry() {
    return datasetRegistry;
  }

  /** Overrides that make a node index the DatasetRegistry (and check grants' datasets with it). */
  public Map<String, String> withDatasets() {
    return Map.of("contracts.datasetRegistry", datasetRegistry.address());
  }

  /** The ConsentAnchor deployed next to the registry (nodes are configured with it). */
  public ConsentAnchorClient consentAnchor() {
    return consentAnchor;
  }

  public Anvil anvil() {
    return anvil;
  }

  public DidRegistryClient registry() {
    return registry;
  }

  /** The config of a fresh node on this chain; {@code overrides} use NodeConfigLoader's keys. */
  public NodeConfig config(Map<String, String> overrides) {
    return new NodeConfigLoader(Map.of()).load(null, settings(overrides));
  }

  /** The settings of {@link #config}, by NodeConfigLoader's keys, with a fresh data dir. */
  public Map<String, String> settings(Map<String, String> overrides) {
    try {
      Path dir = Files.createTempDirectory("assent-node-");
      dirs.add(dir);
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("dataDir", dir.resolve("data").toString());
      settings.put("http.port", "0");
      settings.put("chain.rpcUrl", anvil.rpcUrl());
      settings.put("chain.chainId", Long.toString(Anvil.CHAIN_ID));
      settings.put("chain.networkNames", "dev");
      settings.put("chain.startBlock", Long.toString(deploymentBlock));
      settings.put("chain.pollIntervalMs", "50");
      settings.put("contracts.didRegistry", registry.address());
      settings.put("contracts.consentAnchor", consentAnchor.address());
      settings.put("relayer.key", Anvil.DEV_KEYS.get(RELAYER));
      settings.putAll(overrides);
      return settings;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public AssentNode startNode(Map<String, String> overrides) {
    AssentNode node = AssentNode.start(config(overrides));
    nodes.add(node);
    return node;
  }

  public AssentNode startNode() {
    return startNode(Map.of());
  }

  @Override
  public void close() {
    nodes.forEach(AssentNode::close);
    anvil.close();
    dirs.forEach(Anvil::deleteRecursively);
  }
}

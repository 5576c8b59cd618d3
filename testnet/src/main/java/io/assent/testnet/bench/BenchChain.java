package io.assent.testnet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A fresh dev chain with the DID registry deployed by dev account 0, which also relays the
 * benchmarks' signed operations. Close it to stop anvil.
 */
final class BenchChain implements AutoCloseable {
  static final int RELAYER = 0;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Anvil anvil;
  private final DidRegistryClient registry;
  private final long deploymentBlock;

  private BenchChain(Anvil anvil, DidRegistryClient registry, long deploymentBlock) {
    this.anvil = anvil;
    this.registry = registry;
    this.deploymentBlock = deploymentBlock;
  }

  static BenchChain start() {
    Anvil anvil = Anvil.start(List.of());
    try {
      DidRegistryClient registry =
          DidRegistryClient.deploy(
              anvil.web3j(),
              anvil.transactionManager(Anvil.devCredentials(RELAYER)),
              new DefaultGasProvider());
      long block = registry.deploymentReceipt().orElseThrow().getBlockNumber().longValueExact();
      return new BenchChain(anvil, registry, block);
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /** Deploys a ConsentAnchor (dev account 0), for the consent benchmarks. */
  ConsentAnchorClient deployConsentAnchor() {
    return ConsentAnchorClient.deploy(
        anvil.web3j(),
        anvil.transactionManager(Anvil.devCredentials(RELAYER)),
        new DefaultGasProvider());
  }

  /**
   * Deploys a DatasetRegistry bound to the DID registry (dev account 0), for the dataset
   * benchmarks.
   */
  DatasetRegistryClient deployDatasetRegistry() {
    return DatasetRegistryClient.deploy(
        anvil.web3j(),
        anvil.transactionManager(Anvil.devCredentials(RELAYER)),
        new DefaultGasProvider(),
        registry.address());
  }

  /**
   * Writes the config of a node process on this chain (loopback HTTP on a free port, no
   * confirmations, the DID registry) with {@code contracts} added (config key → address).
   */
  Path writeNodeConfig(Path data, Path file, Map<String, String> contracts) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataDir", data.toString());
    root.putObject("http").put("host", "127.0.0.1");
    ObjectNode c = root.putObject("chain");
    c.put("rpcUrl", anvil.rpcUrl());
    c.put("chainId", Anvil.CHAIN_ID);
    c.putArray("networkNames").add("dev");
    c.put("startBlock", deploymentBlock);
    c.put("confirmations", 0);
    ObjectNode addresses = root.putObject("contracts").put("didRegistry", registry.address());
    contracts.forEach(addresses::put);
    Files.writeString(file, JSON.writeValueAsString(root));
    return file;
  }

  Anvil anvil() {
    return anvil;
  }

  /** The registry, writing through dev account 0. */
  DidRegistryClient registry() {
    return registry;
  }

  long deploymentBlock() {
    return deploymentBlock;
  }

  @Override
  public void close() {
    anvil.close();
  }
}

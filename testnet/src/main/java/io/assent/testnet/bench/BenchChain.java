package io.assent.testnet.bench;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidRegistryClient;
import java.util.List;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A fresh dev chain with the DID registry deployed by dev account 0, which also relays the
 * benchmarks' signed operations. Close it to stop anvil.
 */
final class BenchChain implements AutoCloseable {
  static final int RELAYER = 0;

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

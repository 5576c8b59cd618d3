package io.assent.node;

import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.node.api.Blocking;
import io.assent.node.api.DatasetJson;
import io.assent.node.api.DidParam;
import io.assent.node.api.Endpoint;
import io.assent.node.api.GetDataset;
import io.assent.node.api.GetDatasetHistory;
import io.assent.node.api.GetDatasetLineage;
import io.assent.node.api.GetDatasetSigner;
import io.assent.node.api.ListDatasets;
import io.assent.node.api.RelayDatasetOperation;
import io.assent.node.chain.LogHandler;
import io.assent.node.config.NodeConfig;
import io.assent.node.consent.DatasetCurators;
import io.assent.node.consent.DatasetDirectory;
import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.DatasetIndexer;
import io.assent.node.dataset.DatasetRecord;
import io.assent.node.dataset.DatasetRelay;
import io.assent.node.dataset.LicenseCheck;
import io.assent.node.dataset.RegistryDatasetDirectory;
import io.assent.node.dataset.SpdxLicenseCheck;
import io.assent.node.dataset.license.SpdxLicenseList;
import io.assent.node.store.KeyValueStore;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The dataset registry's part of the composition root: its indexer (a log handler of the chain
 * follower), the index the endpoints and the consent service read, and the dataset endpoints.
 * Without a DatasetRegistry address nothing is indexed, the GET endpoints answer from the empty
 * index, relaying answers relayDisabled, and consents are taken for any dataset id. Relaying also
 * needs the relayer key.
 */
final class DatasetWiring {
  private final NodeConfig config;
  private final DatasetIndex index;
  private final LicenseCheck licenses;
  private final DatasetRelay relay;
  private final KeyValueStore store;

  /**
   * @param relayer the node's one relayer transaction manager (shared with the other relays and the
   *     anchorer so nonces never clash), or null when the node has no relayer key
   */
  DatasetWiring(NodeConfig config, Web3j web3j, KeyValueStore store, TransactionManager relayer) {
    this.config = config;
    this.store = store;
    this.index = new DatasetIndex(store);
    this.licenses = new SpdxLicenseCheck(SpdxLicenseList.bundled());
    this.relay =
        enabled() && relayer != null
            ? new DatasetRelay(
                DatasetRegistryClient.load(
                    config.datasetRegistry(), web3j, relayer, new DefaultGasProvider()),
                config.chain().chainId(),
                licenses)
            : null;
  }

  boolean enabled() {
    return config.datasetRegistry() != null;
  }

  /** The indexer of the configured registry; none without one. */
  List<LogHandler> handlers() {
    return enabled() ? List.of(new DatasetIndexer(config.datasetRegistry())) : List.of();
  }

  /** Which datasets take consents: registered and not deprecated, or any without a registry. */
  DatasetDirectory directory() {
    return enabled() ? new RegistryDatasetDirectory(index) : DatasetDirectory.ACCEPT_ALL;
  }

  /** The index, for other parts that read datasets (e.g. permits). */
  DatasetIndex index() {
    return index;
  }

  List<Endpoint> endpoints(Blocking blocking, DidParam didParam, String networkName) {
    DatasetJson json = new DatasetJson(networkName, licenses);
    List<Endpoint> endpoints =
        new ArrayList<>(
            List.of(
                new ListDatasets(blocking, didParam, index, json),
                new GetDataset(blocking, index, json),
                new GetDatasetLineage(blocking, index, json),
                new GetDatasetHistory(blocking, index, json),
                new RelayDatasetOperation(blocking, didParam, relay),
                new GetDatasetSigner(blocking, relay, config.chain().chainId())));
    endpoints.addAll(PermitWiring.endpoints(config, store, index, blocking));
    return endpoints;
  }

  // --- ds-permits: curators (consent records, receipts, manifest), permits, manifest ---

  /** Each dataset's current curator: who may read its consents' records and its manifest. */
  DatasetCurators curators() {
    return id -> index.get(id).map(DatasetRecord::curator);
  }
}

package io.assent.cli.dataset;

import io.assent.cli.CliException;
import io.assent.cli.did.AddressConverter;
import io.assent.cli.did.NodeOrChainOptions;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * Where dataset operations go: relayed by the node, or with {@code --rpc} sent to the
 * DatasetRegistry at {@code --dataset-registry} from the key's own account (see {@link
 * NodeOrChainOptions}). When relaying, a JSON-RPC endpoint from the {@code rpc} setting (or a typed
 * {@code --rpc} next to a typed {@code --node}) is only read: for the signer's registry nonce.
 */
public final class DatasetTransportOptions extends NodeOrChainOptions {

  @Option(
      names = "--dataset-registry",
      paramLabel = "ADDR",
      converter = AddressConverter.class,
      description =
          "DatasetRegistry contract address: with --rpc, where to send; when relaying, it must be"
              + " the node's (setting).")
  String datasetRegistry;

  /** True if operations go to the chain directly. */
  boolean directToRegistry(Predicate<String> typed) {
    return direct(typed) && (datasetRegistry != null || typed.test("--rpc"));
  }

  DatasetTransport open(Predicate<String> typed) {
    if (directToRegistry(typed)) {
      if (datasetRegistry == null) {
        throw new CliException(
            "invalidArgument",
            "--rpc needs --dataset-registry ADDR (the DatasetRegistry contract)");
      }
      return new RpcDatasetTransport(rpc(), datasetRegistry, timeout());
    }
    return new NodeDatasetTransport(
        new DatasetApi(nodeClient()), datasetRegistry, rpc(), timeout());
  }
}

package io.assent.cli.did;

import io.assent.cli.CliException;
import java.math.BigInteger;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * Where DID operations go: the node, or with {@code --rpc} the DID registry at {@code --registry}
 * directly (see {@link NodeOrChainOptions}).
 */
public final class TransportOptions extends NodeOrChainOptions {

  @Option(
      names = "--registry",
      paramLabel = "ADDR",
      converter = AddressConverter.class,
      description = "DID registry contract address, with --rpc (setting).")
  String registry;

  public Transport open(Predicate<String> typed) {
    if (direct(typed)) {
      if (registry == null) {
        throw new CliException(
            "invalidArgument", "--rpc needs --registry ADDR (the DID registry contract)");
      }
      return new RpcTransport(rpc, registry, timeout());
    }
    return new NodeTransport(nodeClient());
  }

  /**
   * The chain id for naming DIDs: {@code --chain-id}, else what the JSON-RPC endpoint ({@code
   * --rpc}) or the node reports.
   */
  public BigInteger chainId(Predicate<String> typed) {
    if (chainId != null) {
      return chainId;
    }
    try (Transport transport =
        direct(typed)
            ? new RpcTransport(rpc, registry, timeout())
            : new NodeTransport(nodeClient())) {
      return transport.chainId();
    }
  }

  /** The transport's chain id, which must match {@code --chain-id} if one was given. */
  public BigInteger checkedChainId(Transport transport) {
    return checkedChainId(transport.chainId(), transport.describe());
  }
}

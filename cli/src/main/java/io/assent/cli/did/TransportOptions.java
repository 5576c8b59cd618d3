package io.assent.cli.did;

import io.assent.cli.CliException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * Where DID operations go. With {@code --rpc} (flag or setting) they go straight to the chain, from
 * the key's own account; otherwise through the node at {@code --node}. A typed {@code --node} beats
 * an {@code --rpc} that only came from a setting.
 */
public final class TransportOptions {

  @Option(
      names = "--node",
      paramLabel = "URL",
      converter = UrlConverter.class,
      description =
          "Assent node that resolves DIDs and relays operations (setting; default: ${DEFAULT-VALUE}).")
  URI node;

  @Option(
      names = "--rpc",
      paramLabel = "URL",
      converter = UrlConverter.class,
      description =
          "Ethereum JSON-RPC endpoint: send operations directly, paid by the key (setting).")
  URI rpc;

  @Option(
      names = "--registry",
      paramLabel = "ADDR",
      converter = AddressConverter.class,
      description = "DID registry contract address, with --rpc (setting).")
  String registry;

  @Option(
      names = "--chain-id",
      paramLabel = "ID",
      converter = ChainIdConverter.class,
      description =
          "Expected chain id, decimal or 0x-hex; refuses a node or chain on another (setting).")
  BigInteger chainId;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = ValidityConverter.class,
      description =
          "How long to wait for the node or a receipt (setting; default: ${DEFAULT-VALUE}).")
  BigInteger timeout;

  /** True if operations go to the chain directly ({@code --rpc}). */
  public boolean direct(Predicate<String> typed) {
    return rpc != null && !(typed.test("--node") && !typed.test("--rpc"));
  }

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

  public NodeClient nodeClient() {
    return new NodeClient(node, timeout());
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
    BigInteger actual = transport.chainId();
    if (chainId != null && !chainId.equals(actual)) {
      throw new CliException(
          "chainMismatch",
          transport.describe()
              + " is on chain "
              + actual
              + ", not on chain "
              + chainId
              + " (--chain-id)");
    }
    return actual;
  }

  /** {@code --timeout}; the setting always has a value (built-in 120s). */
  public Duration timeout() {
    return Duration.ofSeconds(timeout == null ? 120 : timeout.longValueExact());
  }
}

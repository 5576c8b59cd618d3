package io.assent.cli.did;

import io.assent.cli.CliException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/**
 * Where signed operations go, for every registry the CLI changes (DIDs, datasets). With {@code
 * --rpc} (flag or setting) they go straight to the chain, from the key's own account; otherwise
 * through the node at {@code --node}. A typed {@code --node} beats an {@code --rpc} that only came
 * from a setting. Subclasses add the registry's contract address.
 */
public class NodeOrChainOptions {

  @Option(
      names = "--node",
      paramLabel = "URL",
      converter = UrlConverter.class,
      description =
          "Assent node that answers queries and relays operations (setting; default:"
              + " ${DEFAULT-VALUE}).")
  URI node;

  @Option(
      names = "--rpc",
      paramLabel = "URL",
      converter = UrlConverter.class,
      description =
          "Ethereum JSON-RPC endpoint: send operations directly, paid by the key (setting).")
  URI rpc;

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

  /** {@code --rpc}, or null. */
  public URI rpc() {
    return rpc;
  }

  public NodeClient nodeClient() {
    return new NodeClient(node, timeout());
  }

  /** {@code --chain-id}, or null if not given. */
  public BigInteger expectedChainId() {
    return chainId;
  }

  /**
   * {@code actual}, the chain id of {@code where}, which must match {@code --chain-id} if given.
   */
  public BigInteger checkedChainId(BigInteger actual, String where) {
    if (chainId != null && !chainId.equals(actual)) {
      throw new CliException(
          "chainMismatch",
          where + " is on chain " + actual + ", not on chain " + chainId + " (--chain-id)");
    }
    return actual;
  }

  /** {@code --timeout}; the setting always has a value (built-in 120s). */
  public Duration timeout() {
    return Duration.ofSeconds(timeout == null ? 120 : timeout.longValueExact());
  }
}

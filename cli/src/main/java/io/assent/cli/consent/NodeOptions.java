package io.assent.cli.consent;

import io.assent.cli.did.AddressConverter;
import io.assent.cli.did.ChainIdConverter;
import io.assent.cli.did.UrlConverter;
import io.assent.cli.did.ValidityConverter;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The node that consent commands talk to. */
public final class NodeOptions {

  @Option(
      names = "--node",
      paramLabel = "URL",
      converter = UrlConverter.class,
      description = "Assent node to send to and read from (setting; default: ${DEFAULT-VALUE}).")
  URI node;

  @Option(
      names = "--chain-id",
      paramLabel = "ID",
      converter = ChainIdConverter.class,
      description = "Expected chain id, decimal or 0x-hex; refuses a node on another (setting).")
  BigInteger chainId;

  @Option(
      names = "--anchor",
      paramLabel = "ADDR",
      converter = AddressConverter.class,
      description =
          "The ConsentAnchor contract that signatures are bound to (setting; default: the one the"
              + " node reports; if both, they must agree).")
  String anchor;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = ValidityConverter.class,
      description = "How long to wait for the node (setting; default: ${DEFAULT-VALUE}).")
  BigInteger timeout;

  public ConsentApi open() {
    return new ConsentApi(node, chainId, anchor, timeout());
  }

  Duration timeout() {
    return Duration.ofSeconds(timeout == null ? 120 : timeout.longValueExact());
  }
}

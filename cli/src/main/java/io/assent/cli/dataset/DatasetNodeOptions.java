package io.assent.cli.dataset;

import io.assent.cli.did.NodeClient;
import io.assent.cli.did.UrlConverter;
import io.assent.cli.did.ValidityConverter;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The node that dataset queries read from. */
public final class DatasetNodeOptions {

  @Option(
      names = "--node",
      paramLabel = "URL",
      converter = UrlConverter.class,
      description = "Assent node to read from (setting; default: ${DEFAULT-VALUE}).")
  URI node;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = ValidityConverter.class,
      description = "How long to wait for the node (setting; default: ${DEFAULT-VALUE}).")
  BigInteger timeout;

  public DatasetApi open() {
    return new DatasetApi(
        new NodeClient(node, Duration.ofSeconds(timeout == null ? 120 : timeout.longValueExact())));
  }
}

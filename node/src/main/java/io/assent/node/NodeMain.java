package io.assent.node;

import io.assent.node.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code assent-node} command: {@code run} a node, {@code reindex} its chain-derived index, or
 * {@code deploy} the contracts to a chain and write a node config for them. Configuration errors
 * print one line and exit 2; runtime failures exit 1.
 */
@Command(
    name = "assent-node",
    mixinStandardHelpOptions = true,
    versionProvider = NodeVersion.class,
    description = "Assent node: follows a chain, indexes DIDs in RocksDB, serves the HTTP API.",
    subcommands = {RunCommand.class, ReindexCommand.class, DeployCommand.class})
public final class NodeMain {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line of {@link #main}, for embedding (and tests): execute it with the arguments.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new NodeMain());
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof ConfigException) {
            err.println("assent-node: config: " + ex.getMessage());
            return 2;
          }
          err.println(
              "assent-node: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
          return 1;
        });
    return cli;
  }
}

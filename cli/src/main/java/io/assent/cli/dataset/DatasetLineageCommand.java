package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.consent.Bytes32Converter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code assent dataset lineage}: ancestors or descendants, as a tree with each license. */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Show a dataset's ancestors or descendants as a tree.",
      "What a dataset was derived from (ancestors) or what was derived from it"
          + " (descendants), as an indented tree with each dataset's license"
          + " (GET /v1/datasets/{id}/lineage). A dataset reached by two paths is printed under"
          + " both but expanded once. --json gives the node's graph: nodes with their depth, and"
          + " parent → child edges."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent dataset lineage 0x5d0e...c1",
      "  assent dataset lineage 0x5d0e...c1 --direction descendants --depth 2"
    })
public final class DatasetLineageCommand extends AssentCommand {

  /** Which way to walk. */
  public enum Direction {
    ancestors,
    descendants
  }

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String id;

  @Option(
      names = "--direction",
      paramLabel = "WAY",
      defaultValue = "ancestors",
      description = "ancestors or descendants (default: ${DEFAULT-VALUE}).")
  Direction direction;

  @Option(
      names = "--depth",
      paramLabel = "N",
      defaultValue = "100",
      description = "How many generations, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int depth;

  @ArgGroup(validate = false, heading = "%nNode:%n")
  DatasetNodeOptions nodeOptions = new DatasetNodeOptions();

  @Override
  protected int run(Output out) {
    if (depth < 1 || depth > 100) {
      throw new ParameterException(spec.commandLine(), "--depth must be 1 to 100, not " + depth);
    }
    JsonNode lineage;
    try (DatasetApi api = nodeOptions.open()) {
      lineage = api.lineage(id, direction.name(), depth);
    }
    out.result(lineage, LineageTree.render(lineage));
    return ExitCode.OK;
  }
}

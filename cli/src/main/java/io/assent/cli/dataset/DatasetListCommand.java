package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.consent.Bytes32Converter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code assent dataset list}: registered datasets, by curator and license. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "List registered datasets, by curator and license.",
      "In id order (GET /v1/datasets), one per line: name, version,"
          + " [license], id. --license matches datasets whose current license expression names"
          + " that SPDX id. One page at a time: when there are more, the last line says which"
          + " --after to pass; --all follows every page."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent dataset list --curator did:ethr:0x7a69:0xf39f...2266",
      "  assent dataset list --license CC-BY-4.0 --all --json"
    })
public final class DatasetListCommand extends AssentCommand {

  @Option(names = "--curator", paramLabel = "DID|ADDRESS", description = "Only this curator's.")
  String curator;

  @Option(
      names = "--license",
      paramLabel = "SPDX_ID",
      description = "Only those under this license id.")
  String license;

  @Option(
      names = "--after",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "Start after this dataset id (from a previous page).")
  String after;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "Datasets per page, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--all", description = "Follow every page.")
  boolean all;

  @ArgGroup(validate = false, heading = "%nNode:%n")
  DatasetNodeOptions nodeOptions = new DatasetNodeOptions();

  @Override
  protected int run(Output out) {
    if (limit < 1 || limit > 1000) {
      throw new ParameterException(spec.commandLine(), "--limit must be 1 to 1000, not " + limit);
    }
    ObjectNode json = Output.JSON.createObjectNode();
    ArrayNode datasets = json.putArray("datasets");
    String next = after;
    try (DatasetApi api = nodeOptions.open()) {
      do {
        JsonNode page = api.list(curator, license, next, limit);
        page.path("datasets").forEach(datasets::add);
        next = page.hasNonNull("next") ? page.path("next").asText() : null;
      } while (all && next != null);
    }
    if (next != null) {
      json.put("next", next);
    }
    StringBuilder text = new StringBuilder();
    datasets.forEach(d -> text.append(DatasetText.oneLine(d)).append('\n'));
    if (datasets.isEmpty()) {
      text.append("no datasets\n");
    }
    if (next != null) {
      text.append("(more: --after ").append(next).append(")\n");
    }
    out.result(json, text.toString().stripTrailing());
    return ExitCode.OK;
  }
}

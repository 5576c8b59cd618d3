package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.consent.Bytes32Converter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assent dataset show}: one dataset as the node's index holds it. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Show a registered dataset, with --history its events.",
      "GET /v1/datasets/{id}: name, version, curator, license (marked"
          + " when it is not a valid SPDX expression), parents, digests, and the transactions that"
          + " registered, relicensed or deprecated it. With --history, every registry event in"
          + " chain order (GET /v1/datasets/{id}/history)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent dataset show 0x5d0e...c1",
      "  assent dataset show 0x5d0e...c1 --history --json"
    })
public final class DatasetShowCommand extends AssentCommand {

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String id;

  @Option(names = "--history", description = "Also list the dataset's registry events.")
  boolean history;

  @ArgGroup(validate = false, heading = "%nNode:%n")
  DatasetNodeOptions nodeOptions = new DatasetNodeOptions();

  @Override
  protected int run(Output out) {
    try (DatasetApi api = nodeOptions.open()) {
      JsonNode dataset = api.get(id);
      if (!history) {
        out.result(dataset, DatasetText.dataset(dataset));
        return ExitCode.OK;
      }
      JsonNode events = api.history(id);
      ObjectNode json = Output.JSON.createObjectNode();
      json.set("dataset", dataset);
      json.set("history", events);
      StringBuilder text = new StringBuilder(DatasetText.dataset(dataset)).append("\nhistory");
      for (JsonNode event : events.path("events")) {
        text.append("\n  ").append(String.format("%-15s", event.path("type").asText("?")));
        String detail =
            event.hasNonNull("license")
                ? event.path("license").asText()
                : event.hasNonNull("reason")
                    ? "\"" + event.path("reason").asText() + "\""
                    : event.path("curator").asText("");
        text.append(detail.isEmpty() ? "" : detail + "  ").append(DatasetText.chainRef(event));
      }
      out.result(json, text.toString());
    }
    return ExitCode.OK;
  }
}

package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.consent.Bytes32Converter;
import io.assent.cli.consent.ConsentTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assent dataset permits}: may the dataset be used for a purpose, now or at a time? */
@Command(
    name = "permits",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "May a dataset be used for a purpose, now or at a time?",
      "Asks the node (GET /v1/datasets/{id}/permits): allowed, conditional (with conditions such as"
          + " attribution or share-alike), denied or unknown. The answer combines the licenses in"
          + " force at that time of the dataset and all its ancestors, deprecation, and the"
          + " consents the node holds for it; each reason names the dataset and license that"
          + " decided it, and the evidence lists the registration, license-change and anchor"
          + " transactions to check it on chain.",
      "Purposes: commercial-ai-training, non-commercial-research, redistribution,"
          + " derivative-datasets.",
      "Exit code: 0 allowed or conditional; 1 denied or unknown (or the query failed); 2 usage"
          + " error — so scripts can write 'assent dataset permits ... && train'."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent dataset permits 0x5d0e...c1 --purpose commercial-ai-training",
      "  assent dataset permits 0x5d0e...c1 --purpose non-commercial-research --at 2027-01-01 --json"
    })
public final class DatasetPermitsCommand extends AssentCommand {

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String id;

  @Option(names = "--purpose", required = true, paramLabel = "PURPOSE", description = "The use.")
  String purpose;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      converter = ConsentTime.Start.class,
      description = "When (date, date-time or unix seconds; default: now, as the node sees it).")
  Long at;

  @ArgGroup(validate = false, heading = "%nNode:%n")
  DatasetNodeOptions nodeOptions = new DatasetNodeOptions();

  @Override
  protected int run(Output out) {
    JsonNode answer;
    try (DatasetApi api = nodeOptions.open()) {
      answer = api.permits(id, purpose, at);
    }
    String decision = answer.path("decision").asText("unknown");
    out.result(answer, text(answer, decision));
    return decision.equals("allowed") || decision.equals("conditional")
        ? ExitCode.OK
        : ExitCode.FAILED;
  }

  static String text(JsonNode answer, String decision) {
    StringBuilder text = new StringBuilder(decision).append(": ");
    text.append(answer.path("purpose").asText("?")).append(" of ");
    text.append(answer.path("dataset").asText("?"));
    JsonNode at = answer.path("at");
    text.append(" at ")
        .append(at.canConvertToLong() ? Instant.ofEpochSecond(at.asLong()) : at.asText("?"));
    List<String> conditions = texts(answer.path("conditions"));
    if (!conditions.isEmpty()) {
      text.append("\nconditions: ").append(String.join(", ", conditions));
    }
    for (JsonNode reason : answer.path("reasons")) {
      text.append("\n  ").append(String.format("%-10s", reason.path("kind").asText("?")));
      text.append(String.format("%-12s", reason.path("verdict").asText("?")));
      text.append(reason.path("dataset").asText(""));
      if (reason.hasNonNull("license")) {
        text.append("  ").append(reason.path("license").asText());
      }
      List<String> reasonConditions = texts(reason.path("conditions"));
      if (!reasonConditions.isEmpty()) {
        text.append("  (").append(String.join(", ", reasonConditions)).append(')');
      }
      if (reason.hasNonNull("detail")) {
        text.append("\n").append(" ".repeat(24)).append(reason.path("detail").asText());
      }
    }
    JsonNode consents = answer.path("consents");
    if (consents.isObject()) {
      text.append("\nconsents: ");
      List<String> counts = new ArrayList<>();
      for (String field : List.of("total", "valid", "pending", "withdrawn", "expired", "erased")) {
        counts.add(consents.path(field).asText("0") + " " + field);
      }
      text.append(String.join(", ", counts));
    }
    JsonNode evidence = answer.path("evidence");
    if (evidence.isObject()) {
      text.append("\nevidence: ")
          .append(evidence.path("registrations").size())
          .append(" registrations, ")
          .append(evidence.path("licenseChanges").size())
          .append(" license changes, ")
          .append(evidence.path("anchors").size())
          .append(" anchors (--json lists the transactions)");
    }
    return text.toString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(v -> texts.add(v.asText()));
    return texts;
  }
}

package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.did.DidConverter;
import io.assent.contracts.did.DidEthr;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assent consent check}: may this subject's data in this dataset be used for P at T? */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Ask the node whether a subject's consent permits a purpose on a dataset at a time (GET"
          + " /v1/consents/check). Prints permitted or not, the reason (granted, pending,"
          + " noConsent, notYetValid, expired, withdrawn, erased) and the evidence.",
      "Exit code: 0 permitted; 1 not permitted (or the check failed); 2 usage error — so"
          + " scripts can write 'assent consent check ... && train'."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent consent check --subject did:ethr:0x7a69:0xf39f...2266 --dataset 0x3f5c...a1 \\",
      "      --purpose ai:ModelTraining",
      "  assent consent check --subject ... --dataset ... --purpose ... --at 2027-01-01 --json"
    })
public final class ConsentCheckCommand extends AssentCommand {

  @Option(
      names = "--subject",
      required = true,
      paramLabel = "DID",
      converter = DidConverter.class,
      description = "The data subject's DID.")
  DidEthr subject;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String dataset;

  @Option(
      names = "--purpose",
      required = true,
      paramLabel = "TERM",
      description = "The purpose, e.g. ai:ModelTraining.")
  String purpose;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      converter = ConsentTime.Start.class,
      description = "When (date, date-time or unix seconds; default: now, as the node sees it).")
  Long at;

  @ArgGroup(validate = false, heading = "%nNode:%n")
  NodeOptions nodeOptions = new NodeOptions();

  @Override
  protected int run(Output out) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("subject", subject.toString());
    query.put("dataset", dataset);
    query.put("purpose", purpose);
    if (at != null) {
      query.put("at", Long.toString(at));
    }
    JsonNode answer;
    try (ConsentApi api = nodeOptions.open()) {
      answer = api.check(query);
    }
    boolean permitted = answer.path("permitted").asBoolean(false);
    StringBuilder text = new StringBuilder(permitted ? "permitted" : "not permitted");
    text.append(" (").append(answer.path("reason").asText("?"));
    if (permitted && answer.has("anchored") && !answer.path("anchored").asBoolean()) {
      text.append(", not yet anchored");
    }
    text.append(')');
    for (JsonNode id : answer.path("consentIds")) {
      text.append("\nconsent ").append(id.asText());
    }
    for (JsonNode evidence : answer.path("evidence")) {
      text.append("\nevidence ")
          .append(evidence.path("consentId").asText("?"))
          .append(" root ")
          .append(evidence.path("root").asText("?"))
          .append(" tx ")
          .append(evidence.path("txHash").asText("?"))
          .append(" block ")
          .append(evidence.path("blockNumber").asText("?"));
    }
    out.result(answer, text.toString());
    return permitted ? ExitCode.OK : ExitCode.FAILED;
  }
}

package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code assent consent show}: the public status of a consent, and your local copy if any. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Show a consent: its public status from the node (GET /v1/consents/{id}: pending, anchored,"
          + " withdrawn, withdrawalPending, expired or erased, with the anchor reference), and"
          + " what you signed if ~/.assent/consents/<id>.json has it. A node knows 'anchored'"
          + " only for records it holds; any node knows withdrawals from the chain."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent consent show 0x9c1e...7b", "  assent consent show 0x9c1e...7b --json"})
public final class ConsentShowCommand extends AssentCommand {

  @Parameters(index = "0", paramLabel = "CONSENT_ID", converter = Bytes32Converter.class)
  String consentId;

  @ArgGroup(validate = false, heading = "%nNode:%n")
  NodeOptions nodeOptions = new NodeOptions();

  @Override
  protected int run(Output out) {
    Optional<ObjectNode> copy = new LocalConsents(context()).read(consentId);
    JsonNode status;
    try (ConsentApi api = nodeOptions.open()) {
      status = api.status(consentId);
    }
    ObjectNode json = Output.JSON.createObjectNode();
    json.put("consentId", consentId);
    json.set("status", status);
    copy.ifPresent(c -> json.set("local", c));
    StringBuilder text = new StringBuilder();
    text.append("consent ").append(consentId).append('\n');
    text.append("status  ").append(status.path("status").asText("?"));
    JsonNode anchor = status.path("anchor");
    if (anchor.isObject()) {
      text.append("\nanchor  root ").append(anchor.path("root").asText("?"));
      text.append(", tx ")
          .append(anchor.path("txHash").asText(anchor.path("transactionHash").asText("?")));
      text.append(", block ").append(anchor.path("blockNumber").asText("?"));
    }
    JsonNode withdrawal = status.path("withdrawal");
    if (withdrawal.isObject()) {
      // An erased record keeps no withdrawal time; the chain still shows the withdrawal.
      text.append("\nwithdrawn")
          .append(
              withdrawal.has("time") ? " " + Times.format(withdrawal.path("time").asLong()) : "")
          .append(
              withdrawal.path("anchored").asBoolean(false) ? " (anchored)" : " (not yet anchored)");
    }
    copy.ifPresent(c -> appendLocal(c, text));
    out.result(json, text.toString());
    return ExitCode.OK;
  }

  private static void appendLocal(ObjectNode copy, StringBuilder text) {
    JsonNode grant = copy.path("request").path("grant");
    text.append("\nsubject ").append(grant.path("subject").asText("?"));
    text.append("\ndataset ").append(grant.path("dataset").asText("?"));
    StringBuilder purposes = new StringBuilder();
    grant
        .path("purposes")
        .forEach(p -> purposes.append(purposes.isEmpty() ? "" : ", ").append(p.asText()));
    text.append("\npurposes ").append(purposes);
    text.append("\nvalid   ")
        .append(Times.format(grant.path("validFrom").asLong()))
        .append(" to ")
        .append(
            grant.path("validUntil").asLong() == 0
                ? "no end"
                : Times.format(grant.path("validUntil").asLong()));
    if (copy.has("withdrawal")) {
      text.append("\nyou withdrew it");
    }
    if (copy.has("erasure")) {
      text.append("\nyou had it erased");
    }
  }
}

package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import picocli.CommandLine.Command;

/** {@code assent consent list}: your consents as the node holds them (signed-in read). */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "List your consents on the node (GET /v1/subjects/{did}/consents). The request is signed in"
          + " with your key (Sign-In with Ethereum, EIP-4361: a message naming the node, your"
          + " address and the chain, valid 5 minutes, signed with personal_sign); nothing is sent"
          + " on chain."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent consent list --key alice",
      "  assent consent list --did did:ethr:0x7a69:0x... --json"
    })
public final class ConsentListCommand extends SignedCommand {

  @Override
  protected int run(Output out) {
    try (ConsentApi api = nodeOptions.open()) {
      Signer who = unlock(api);
      JsonNode answer = api.list(who.subject().toString(), who.credentials());
      JsonNode items = answer.has("consents") ? answer.get("consents") : answer;
      StringBuilder text = new StringBuilder();
      for (JsonNode item : items) {
        text.append(item.path("consentId").asText("?"))
            .append("  ")
            .append(item.path("status").asText("?"));
        String dataset = item.path("dataset").asText(item.path("grant").path("dataset").asText(""));
        if (!dataset.isEmpty()) {
          text.append("  dataset ").append(dataset);
        }
        text.append('\n');
      }
      if (text.isEmpty()) {
        text.append("no consents for ").append(who.subject());
      }
      out.result(answer, text.toString().stripTrailing());
    }
    return ExitCode.OK;
  }
}

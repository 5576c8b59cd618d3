package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.consent.ConsentMessage;
import io.assent.contracts.consent.ConsentWithdrawal;
import picocli.CommandLine.Command;

/** {@code assent consent withdraw}: a signed withdrawal of one of your consents. */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Withdraw a consent: signs an EIP-712 ConsentWithdrawal (consent id, your identity, now, a"
          + " random nonce) and posts it to the node (POST /v1/consents/{id}/withdrawal). The node"
          + " anchors the withdrawal on chain with its next batch; processing before the"
          + " withdrawal stays lawful, after it is not permitted."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent consent withdraw 0x9c1e...7b --key alice"})
public final class ConsentWithdrawCommand extends SubjectEventCommand {

  @Override
  ConsentMessage message(String consentId, String subject, long time) {
    return new ConsentWithdrawal(consentId, subject, time, ConsentGrantCommand.randomBytes32());
  }

  @Override
  String event() {
    return "withdrawal";
  }

  @Override
  JsonNode post(ConsentApi api, ObjectNode body) {
    return api.postWithdrawal(consentId, body);
  }

  @Override
  String done() {
    return "withdrawn";
  }
}

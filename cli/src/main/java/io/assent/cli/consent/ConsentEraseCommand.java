package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.CliException;
import io.assent.cli.Output;
import io.assent.contracts.consent.ConsentErasure;
import io.assent.contracts.consent.ConsentMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assent consent erase}: have the node destroy the record (GDPR Art. 17). */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Erase a consent record on the node: signs an EIP-712 ConsentErasure and posts it (POST"
          + " /v1/consents/{id}/erasure). The node destroys the record and its key; the leaf on"
          + " chain can then no longer be linked to you, and the status reads 'erased'. This"
          + " cannot be undone, so it needs --yes. Your local copy is kept (delete"
          + " ~/.assent/consents/<id>.json yourself if you want it gone too)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent consent erase 0x9c1e...7b --key alice --yes"})
public final class ConsentEraseCommand extends SubjectEventCommand {

  @Option(names = "--yes", description = "Confirm: the record is destroyed for good.")
  boolean yes;

  @Override
  protected int run(Output out) {
    if (!yes) {
      throw new CliException(
          "notConfirmed", "erasing destroys the record for good; add --yes to confirm");
    }
    return super.run(out);
  }

  @Override
  ConsentMessage message(String consentId, String subject, long time) {
    return new ConsentErasure(consentId, subject, time, ConsentGrantCommand.randomBytes32());
  }

  @Override
  String event() {
    return "erasure";
  }

  @Override
  JsonNode post(ConsentApi api, ObjectNode body) {
    return api.postErasure(consentId, body);
  }

  @Override
  String done() {
    return "erased";
  }
}

package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.contracts.consent.ConsentMessage;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.consent.Eip712Domain;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Parameters;

/**
 * A signed event on one of the subject's consents (withdrawal, erasure): EIP-712 {@code (consentId,
 * subject, time = now, nonce)} signed here, posted to the node, and recorded in the local copy if
 * there is one.
 */
abstract class SubjectEventCommand extends SignedCommand {

  @Parameters(
      index = "0",
      paramLabel = "CONSENT_ID",
      converter = Bytes32Converter.class,
      description = "The consent id (0x + 64 hex), as 'assent consent grant' printed it.")
  String consentId;

  /** The signed message: a {@code ConsentWithdrawal} or {@code ConsentErasure}, nonce random. */
  abstract ConsentMessage message(String consentId, String subject, long time);

  /** The body's key and the local copy's key: {@code withdrawal} or {@code erasure}. */
  abstract String event();

  abstract JsonNode post(ConsentApi api, ObjectNode body);

  /** What happened, for people: e.g. "withdrawn". */
  abstract String done();

  @Override
  protected int run(Output out) {
    try (ConsentApi api = nodeOptions.open()) {
      Signer who = unlock(api);
      ConsentMessage message =
          Signing.message(
              () -> message(consentId, who.subject().address(), Instant.now().getEpochSecond()));
      Eip712Domain domain = api.domain().eip712();
      ObjectNode signed = Output.JSON.valueToTree(message);
      signed.put("subject", who.subject().toString());
      ObjectNode body = Output.JSON.createObjectNode();
      body.set(event(), signed);
      body.put("signature", ConsentTypedData.sign(domain, message, who.credentials()));
      JsonNode typed = Signing.typedData(domain, message);
      JsonNode answer = post(api, body);
      LocalConsents local = local();
      local
          .read(consentId)
          .ifPresent(
              copy -> {
                ObjectNode entry = copy.putObject(event());
                entry.set("request", body);
                entry.set("typedData", typed);
                entry.set("answer", answer);
                local.save(consentId, copy);
              });
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("consentId", consentId);
      json.put("status", answer.path("status").asText(""));
      json.put("subject", who.subject().toString());
      json.put("signer", who.key().address());
      String status = answer.path("status").asText("");
      out.result(
          json,
          "consent " + consentId + " " + done() + (status.isEmpty() ? "" : " (" + status + ")"));
    }
    return ExitCode.OK;
  }
}

package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
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

  /** {@code ConsentWithdrawal} or {@code ConsentErasure}. */
  abstract String primaryType();

  /** The body's key and the local copy's key: {@code withdrawal} or {@code erasure}. */
  abstract String event();

  abstract JsonNode post(ConsentApi api, ObjectNode body);

  /** What happened, for people: e.g. "withdrawn". */
  abstract String done();

  @Override
  protected int run(Output out) {
    try (ConsentApi api = nodeOptions.open()) {
      Signer who = unlock(api);
      ObjectNode message = Output.JSON.createObjectNode();
      message.put("consentId", consentId);
      message.put("subject", who.subject().address());
      message.put("time", Instant.now().getEpochSecond());
      message.put("nonce", ConsentGrantCommand.randomBytes32());
      ConsentApi.Domain domain = api.domain();
      ObjectNode typed =
          TypedData.of(domain.chainId(), domain.consentAnchor(), primaryType(), message);
      ObjectNode signed = message.deepCopy();
      signed.put("subject", who.subject().toString());
      ObjectNode body = Output.JSON.createObjectNode();
      body.set(event(), signed);
      body.put("signature", TypedData.sign(typed, who.credentials()));
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

package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.contracts.consent.AnchoredEvent;
import io.assent.contracts.consent.ConsentAnchorClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An {@code Anchored} event in a JSON-RPC log object, with the address that emitted it. */
record AnchoredLog(String contract, AnchoredEvent event) {

  static final String TOPIC0 = ConsentAnchorClient.ANCHORED_TOPIC;

  /** The event, if {@code log} is a well-formed Anchored log (of any contract). */
  static Optional<AnchoredLog> decode(JsonNode log) {
    List<String> topics = new ArrayList<>();
    log.path("topics").forEach(t -> topics.add(t.asText()));
    if (log.path("removed").asBoolean(false)) {
      return Optional.empty();
    }
    return ConsentAnchorClient.decodeAnchored(topics, log.path("data").asText("0x"))
        .map(e -> new AnchoredLog(log.path("address").asText("").toLowerCase(Locale.ROOT), e));
  }
}

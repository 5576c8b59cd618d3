package io.assent.testnet.consent;

import io.assent.contracts.consent.AnchoredEvent;
import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.devchain.Anvil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/** Every {@code Anchored} log of a ConsentAnchor on the current chain, in chain order. */
final class AnchoredEvents {
  private AnchoredEvents() {}

  static List<AnchoredEvent> read(Anvil anvil, String contract) throws IOException {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
    filter.addSingleTopic(ConsentAnchorClient.ANCHORED_TOPIC);
    List<AnchoredEvent> events = new ArrayList<>();
    for (EthLog.LogResult<?> result : anvil.web3j().ethGetLogs(filter).send().getLogs()) {
      Log log = (Log) result.get();
      events.add(ConsentAnchorClient.decodeAnchored(log.getTopics(), log.getData()).orElseThrow());
    }
    return events;
  }
}

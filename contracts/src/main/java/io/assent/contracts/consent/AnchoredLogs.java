package io.assent.contracts.consent;

import io.assent.contracts.generated.ConsentAnchor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Decoding of raw {@code Anchored} logs; see {@link ConsentAnchorClient#decodeAnchored}. */
final class AnchoredLogs {

  static final String TOPIC = EventEncoder.encode(ConsentAnchor.ANCHORED_EVENT);

  private AnchoredLogs() {}

  static Optional<AnchoredEvent> decode(List<String> topics, String data) {
    if (topics == null
        || topics.size() != 3
        || data == null
        || !TOPIC.equalsIgnoreCase(topics.get(0))) {
      return Optional.empty();
    }
    try {
      String submitter = topics.get(1).toLowerCase(Locale.ROOT);
      if (!submitter.matches("0x0{24}[0-9a-f]{40}")
          || !topics.get(2).matches("0x[0-9a-fA-F]{64}")) {
        return Optional.empty();
      }
      List<Type> values =
          FunctionReturnDecoder.decode(
              data, ConsentAnchor.ANCHORED_EVENT.getNonIndexedParameters());
      if (values.size() != 2) {
        return Optional.empty();
      }
      BigInteger count = (BigInteger) values.get(0).getValue();
      if (count.bitLength() > 63) {
        return Optional.empty();
      }
      List<String> withdrawn = new ArrayList<>();
      for (Object id : (List<?>) values.get(1).getValue()) {
        withdrawn.add(Numeric.toHexString(((Bytes32) id).getValue()));
      }
      return Optional.of(
          new AnchoredEvent(
              "0x" + submitter.substring(26), topics.get(2), count.longValueExact(), withdrawn));
    } catch (RuntimeException e) {
      return Optional.empty(); // malformed: cannot come from ConsentAnchor
    }
  }

  static List<AnchoredEvent> inReceipt(TransactionReceipt receipt, String anchorAddress) {
    List<AnchoredEvent> events = new ArrayList<>();
    for (Log log : receipt.getLogs()) {
      if (log.getAddress() != null
          && log.getAddress().equalsIgnoreCase(anchorAddress)
          && !log.isRemoved()) {
        decode(log.getTopics(), log.getData()).ifPresent(events::add);
      }
    }
    return events;
  }
}

package io.assent.contracts.dataset;

import io.assent.contracts.dataset.AbiData.MalformedAbiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The four dataset registry events: their topic-0 hashes, and decoding of a raw log into a {@link
 * DatasetEvent}. Written out by hand (no web3j reflection) because the chain follower decodes every
 * registry log; a strict reader, so a log that does not match its event's ABI is refused.
 */
public final class DatasetRegistryEvents {

  /** The event signatures, as the registry declares them. */
  public static final String REGISTERED_SIGNATURE =
      "DatasetRegistered(bytes32,address,address,string,string,bytes32,bytes32,string,string,bytes32[])";

  public static final String LICENSE_CHANGED_SIGNATURE =
      "DatasetLicenseChanged(bytes32,address,string)";
  public static final String DEPRECATED_SIGNATURE = "DatasetDeprecated(bytes32,address,string)";
  public static final String CURATOR_CHANGED_SIGNATURE =
      "DatasetCuratorChanged(bytes32,address,address)";

  /** Topic 0 of each event: keccak256 of its signature, lower-case 0x-hex. */
  public static final String REGISTERED_TOPIC = Hash.sha3String(REGISTERED_SIGNATURE);

  public static final String LICENSE_CHANGED_TOPIC = Hash.sha3String(LICENSE_CHANGED_SIGNATURE);
  public static final String DEPRECATED_TOPIC = Hash.sha3String(DEPRECATED_SIGNATURE);
  public static final String CURATOR_CHANGED_TOPIC = Hash.sha3String(CURATOR_CHANGED_SIGNATURE);

  /** All four topic-0 values, for a log filter. */
  public static final List<String> TOPICS =
      List.of(REGISTERED_TOPIC, LICENSE_CHANGED_TOPIC, DEPRECATED_TOPIC, CURATOR_CHANGED_TOPIC);

  private DatasetRegistryEvents() {}

  /**
   * Decodes a registry log. Empty when topic 0 is not one of the four events, or when the log is
   * malformed for its event (wrong topic count, an address with dirty upper bytes, offsets or
   * lengths out of bounds, data of the wrong size): such a log cannot come from the registry. The
   * caller checks the log's address. Strings that are not valid UTF-8 (the registry does not check)
   * decode with U+FFFD in place of the bad bytes; the id, from topic 1, is exact.
   *
   * @param topics the log's topics, 0x-hex, topic 0 first
   * @param data the log's data, 0x-hex
   */
  public static Optional<DatasetEvent> decode(List<String> topics, String data) {
    if (topics == null || topics.isEmpty() || data == null || topics.get(0) == null) {
      return Optional.empty();
    }
    String topic0 = topics.get(0).toLowerCase(Locale.ROOT);
    try {
      if (topic0.equals(REGISTERED_TOPIC)) {
        return topics.size() == 3 ? Optional.of(registered(topics, data)) : Optional.empty();
      } else if (topic0.equals(LICENSE_CHANGED_TOPIC)) {
        return topics.size() == 2 ? Optional.of(licenseChanged(topics, data)) : Optional.empty();
      } else if (topic0.equals(DEPRECATED_TOPIC)) {
        return topics.size() == 2 ? Optional.of(deprecated(topics, data)) : Optional.empty();
      } else if (topic0.equals(CURATOR_CHANGED_TOPIC)) {
        return topics.size() == 3 ? Optional.of(curatorChanged(topics, data)) : Optional.empty();
      }
      return Optional.empty();
    } catch (MalformedAbiException e) {
      return Optional.empty();
    }
  }

  /** The registry events the contract at {@code registry} emitted in {@code receipt}, in order. */
  public static List<DatasetEvent> inReceipt(TransactionReceipt receipt, String registry) {
    List<DatasetEvent> events = new ArrayList<>();
    for (Log log : receipt.getLogs()) {
      if (log.getAddress() != null
          && log.getAddress().equalsIgnoreCase(registry)
          && !log.isRemoved()) {
        decode(log.getTopics(), log.getData()).ifPresent(events::add);
      }
    }
    return events;
  }

  private static DatasetEvent registered(List<String> topics, String data) {
    AbiData abi = AbiData.ofHex(data);
    return new DatasetEvent.Registered(
        AbiData.topicBytes32(topics.get(1)),
        AbiData.topicAddress(topics.get(2)),
        abi.address(0),
        abi.string(1),
        abi.string(2),
        abi.bytes32(3),
        abi.bytes32(4),
        abi.string(5),
        abi.string(6),
        abi.bytes32Array(7));
  }

  private static DatasetEvent licenseChanged(List<String> topics, String data) {
    AbiData abi = AbiData.ofHex(data);
    return new DatasetEvent.LicenseChanged(
        AbiData.topicBytes32(topics.get(1)), abi.address(0), abi.string(1));
  }

  private static DatasetEvent deprecated(List<String> topics, String data) {
    AbiData abi = AbiData.ofHex(data);
    return new DatasetEvent.Deprecated(
        AbiData.topicBytes32(topics.get(1)), abi.address(0), abi.string(1));
  }

  private static DatasetEvent curatorChanged(List<String> topics, String data) {
    AbiData abi = AbiData.ofHex(data).requireSize(1);
    return new DatasetEvent.CuratorChanged(
        AbiData.topicBytes32(topics.get(1)), AbiData.topicAddress(topics.get(2)), abi.address(0));
  }
}

package io.assent.contracts.did;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * The three ERC-1056 registry events: their topic-0 hashes, and decoding of a raw log into a {@link
 * DidEvent}. The identity comes from topic 1 (indexed); everything else from the data.
 */
public final class DidRegistryEvents {

  public static final Event OWNER_CHANGED =
      new Event(
          "DIDOwnerChanged",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<Address>() {},
              new TypeReference<Uint256>() {}));

  public static final Event DELEGATE_CHANGED =
      new Event(
          "DIDDelegateChanged",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<Bytes32>() {},
              new TypeReference<Address>() {},
              new TypeReference<Uint256>() {},
              new TypeReference<Uint256>() {}));

  public static final Event ATTRIBUTE_CHANGED =
      new Event(
          "DIDAttributeChanged",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<Bytes32>() {},
              new TypeReference<DynamicBytes>() {},
              new TypeReference<Uint256>() {},
              new TypeReference<Uint256>() {}));

  /** keccak256("DIDOwnerChanged(address,address,uint256)"), 0x-hex. */
  public static final String OWNER_CHANGED_TOPIC = EventEncoder.encode(OWNER_CHANGED);

  /** keccak256("DIDDelegateChanged(address,bytes32,address,uint256,uint256)"), 0x-hex. */
  public static final String DELEGATE_CHANGED_TOPIC = EventEncoder.encode(DELEGATE_CHANGED);

  /** keccak256("DIDAttributeChanged(address,bytes32,bytes,uint256,uint256)"), 0x-hex. */
  public static final String ATTRIBUTE_CHANGED_TOPIC = EventEncoder.encode(ATTRIBUTE_CHANGED);

  private DidRegistryEvents() {}

  /**
   * Decodes a registry log. Empty when topic 0 is not one of the three events, or when the log is
   * malformed for its event (wrong topic count, an address with dirty upper bits, data that does
   * not decode): such a log cannot come from the registry, and is ignored rather than trusted.
   *
   * @param topics the log's topics, 0x-hex, topic 0 first
   * @param data the log's data, 0x-hex
   */
  public static Optional<DidEvent> decode(List<String> topics, String data) {
    if (topics == null || topics.size() != 2 || data == null) {
      return Optional.empty();
    }
    String topic0 = topics.get(0).toLowerCase(Locale.ROOT);
    try {
      Optional<String> identity = addressWord(topics.get(1));
      if (identity.isEmpty()) {
        return Optional.empty();
      }
      if (topic0.equals(OWNER_CHANGED_TOPIC)) {
        return ownerChanged(identity.get(), data);
      } else if (topic0.equals(DELEGATE_CHANGED_TOPIC)) {
        return delegateChanged(identity.get(), data);
      } else if (topic0.equals(ATTRIBUTE_CHANGED_TOPIC)) {
        return attributeChanged(identity.get(), data);
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty(); // malformed hex or ABI data
    }
  }

  private static Optional<DidEvent> ownerChanged(String identity, String data) {
    List<Type> values = decodeData(data, OWNER_CHANGED);
    if (values.size() != 2) {
      return Optional.empty();
    }
    return Optional.of(
        new DidEvent.OwnerChanged(identity, address(values.get(0)), uint(values.get(1))));
  }

  private static Optional<DidEvent> delegateChanged(String identity, String data) {
    List<Type> values = decodeData(data, DELEGATE_CHANGED);
    if (values.size() != 4) {
      return Optional.empty();
    }
    return Optional.of(
        new DidEvent.DelegateChanged(
            identity,
            ((Bytes32) values.get(0)).getValue(),
            address(values.get(1)),
            uint(values.get(2)),
            uint(values.get(3))));
  }

  private static Optional<DidEvent> attributeChanged(String identity, String data) {
    List<Type> values = decodeData(data, ATTRIBUTE_CHANGED);
    if (values.size() != 4) {
      return Optional.empty();
    }
    return Optional.of(
        new DidEvent.AttributeChanged(
            identity,
            ((Bytes32) values.get(0)).getValue(),
            ((DynamicBytes) values.get(1)).getValue(),
            uint(values.get(2)),
            uint(values.get(3))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Type> decodeData(String data, Event event) {
    return FunctionReturnDecoder.decode(data, (List) event.getNonIndexedParameters());
  }

  /** A 32-byte topic holding an address: the upper 12 bytes must be zero. */
  private static Optional<String> addressWord(String topic) {
    byte[] word = Numeric.hexStringToByteArray(topic);
    if (word.length != 32) {
      return Optional.empty();
    }
    for (int i = 0; i < 12; i++) {
      if (word[i] != 0) {
        return Optional.empty();
      }
    }
    return Optional.of(Numeric.toHexString(word, 12, 20, true).toLowerCase(Locale.ROOT));
  }

  private static String address(Type value) {
    return ((Address) value).getValue().toLowerCase(Locale.ROOT);
  }

  private static BigInteger uint(Type value) {
    return ((Uint256) value).getValue();
  }
}

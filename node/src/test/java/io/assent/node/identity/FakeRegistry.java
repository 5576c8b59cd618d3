package io.assent.node.identity;

import io.assent.contracts.did.DidEvent;
import io.assent.contracts.did.DidRegistryEvents;
import io.assent.node.chain.ChainLog;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * Emits registry logs as the DIDRegistry contract would (ABI-encoded with web3j, previousChange
 * linked per identity) and feeds them through {@link IdentityIndexer} into a store, one committed
 * transaction per log.
 */
public final class FakeRegistry {

  static final String ADDRESS = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  private final KeyValueStore store;
  private final IdentityIndexer indexer = new IdentityIndexer(ADDRESS);
  private final Map<String, Long> changed = new HashMap<>();
  private final TreeMap<Long, Long> timestamps = new TreeMap<>();
  private final List<ChainLog> logs = new ArrayList<>();
  private long block;
  private int logIndex;

  public FakeRegistry(KeyValueStore store) {
    this.store = store;
  }

  /** Later events go into block {@code number}, stamped {@code timestamp}. */
  public FakeRegistry block(long number, long timestamp) {
    block = number;
    logIndex = 0;
    timestamps.put(number, timestamp);
    return this;
  }

  public FakeRegistry changeOwner(String identity, String owner) {
    return emit(new DidEvent.OwnerChanged(identity, owner, previous(identity)));
  }

  public FakeRegistry delegate(String identity, String type, String delegate, long validTo) {
    return emit(
        new DidEvent.DelegateChanged(
            identity, bytes32(type), delegate, BigInteger.valueOf(validTo), previous(identity)));
  }

  FakeRegistry attribute(String identity, String name, byte[] value, long validTo) {
    return attribute(identity, bytes32(name), value, validTo);
  }

  FakeRegistry attribute(String identity, byte[] name32, byte[] value, long validTo) {
    return emit(
        new DidEvent.AttributeChanged(
            identity, name32, value, BigInteger.valueOf(validTo), previous(identity)));
  }

  /** Every log emitted so far, in chain order. */
  List<ChainLog> logs() {
    return List.copyOf(logs);
  }

  BlockTimestamps timestamps() {
    return number -> {
      Long timestamp = timestamps.get(number);
      return timestamp == null ? OptionalLong.empty() : OptionalLong.of(timestamp);
    };
  }

  static byte[] bytes32(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 32) {
      throw new IllegalArgumentException("longer than bytes32: " + text);
    }
    return Arrays.copyOf(bytes, 32);
  }

  private BigInteger previous(String identity) {
    return BigInteger.valueOf(changed.getOrDefault(identity, 0L));
  }

  private FakeRegistry emit(DidEvent event) {
    ChainLog log = log(event);
    logs.add(log);
    try (Transaction tx = store.startTransaction()) {
      indexer.apply(log, tx);
      tx.commit();
    }
    changed.put(event.identity(), block);
    return this;
  }

  private ChainLog log(DidEvent event) {
    String topic0;
    List<Type<?>> data;
    switch (event) {
      case DidEvent.OwnerChanged e -> {
        topic0 = DidRegistryEvents.OWNER_CHANGED_TOPIC;
        data = List.of(new Address(e.owner()), new Uint256(e.previousChange()));
      }
      case DidEvent.DelegateChanged e -> {
        topic0 = DidRegistryEvents.DELEGATE_CHANGED_TOPIC;
        data =
            List.of(
                new Bytes32(e.delegateType()),
                new Address(e.delegate()),
                new Uint256(e.validTo()),
                new Uint256(e.previousChange()));
      }
      case DidEvent.AttributeChanged e -> {
        topic0 = DidRegistryEvents.ATTRIBUTE_CHANGED_TOPIC;
        data =
            List.of(
                new Bytes32(e.name()),
                new DynamicBytes(e.value()),
                new Uint256(e.validTo()),
                new Uint256(e.previousChange()));
      }
    }
    String identityTopic =
        Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(event.identity()), 64);
    String txHash =
        Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(block * 1000 + logIndex), 64);
    return new ChainLog(
        block,
        Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(block), 64),
        timestamps.get(block),
        txHash,
        0,
        logIndex++,
        ADDRESS,
        List.of(topic0, identityTopic),
        "0x" + FunctionEncoder.encodeConstructor(new ArrayList<>(data)));
  }
}

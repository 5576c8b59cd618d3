package io.assent.node.dataset.permit;

import io.assent.contracts.dataset.DatasetIds;
import io.assent.contracts.dataset.DatasetRegistryEvents;
import io.assent.node.chain.ChainLog;
import io.assent.node.dataset.DatasetIndexer;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A dataset registry as the node's index sees it: ABI-encoded registry logs, one block per call,
 * fed to the real {@link DatasetIndexer} in committed transactions as the follower would.
 */
final class RegistryLogs {
  static final String REGISTRY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  static final String DIGEST = "0x" + "ab".repeat(32);

  private final KeyValueStore store;
  private final DatasetIndexer indexer = new DatasetIndexer(REGISTRY);
  private long block = 10;

  RegistryLogs(KeyValueStore store) {
    this.store = store;
  }

  /** Registers {@code name} v1 of {@code curator} in a block stamped {@code time}; its id. */
  String register(long time, String curator, String name, String license, String... parents) {
    String id = DatasetIds.of(curator, name, "1");
    List<Bytes32> parentIds = java.util.Arrays.stream(parents).map(RegistryLogs::bytes32).toList();
    List<Type> data =
        List.of(
            new Address(curator),
            new Utf8String(name),
            new Utf8String("1"),
            bytes32(DIGEST),
            bytes32(DIGEST),
            new Utf8String("https://example.org/" + name),
            new Utf8String(license),
            new DynamicArray<>(Bytes32.class, parentIds));
    apply(
        time,
        List.of(
            DatasetRegistryEvents.REGISTERED_TOPIC,
            id,
            Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(curator), 64)),
        data);
    return id;
  }

  void changeLicense(long time, String id, String actor, String license) {
    apply(
        time,
        List.of(DatasetRegistryEvents.LICENSE_CHANGED_TOPIC, id),
        List.of(new Address(actor), new Utf8String(license)));
  }

  void deprecate(long time, String id, String actor, String reason) {
    apply(
        time,
        List.of(DatasetRegistryEvents.DEPRECATED_TOPIC, id),
        List.of(new Address(actor), new Utf8String(reason)));
  }

  private void apply(long time, List<String> topics, List<Type> data) {
    block++;
    ChainLog log =
        new ChainLog(
            block,
            Hash.sha3String("block " + block),
            time,
            txHash(block),
            0,
            0,
            REGISTRY,
            topics,
            "0x" + FunctionEncoder.encodeConstructor(data));
    try (Transaction tx = store.startTransaction()) {
      indexer.apply(log, tx);
      tx.commit();
    }
  }

  long lastBlock() {
    return block;
  }

  static String txHash(long block) {
    return Hash.sha3String("tx " + block);
  }

  private static Bytes32 bytes32(String hex) {
    return new Bytes32(Numeric.hexStringToByteArray(hex));
  }
}

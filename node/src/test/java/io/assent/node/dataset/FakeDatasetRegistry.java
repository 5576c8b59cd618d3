package io.assent.node.dataset;

import io.assent.contracts.dataset.DatasetEvent;
import io.assent.node.chain.ChainLog;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * Feeds decoded dataset events to a {@link DatasetIndexer} as the follower would: in chain order,
 * each in its own committed transaction, with made-up block and transaction hashes. Ids are a hash
 * of curator, name and version (the registry's formula is not what these tests check).
 */
final class FakeDatasetRegistry {
  static final String REGISTRY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  static final String DIGEST = "0x" + "ab".repeat(32);

  private final KeyValueStore store;
  private final DatasetIndexer indexer = new DatasetIndexer(REGISTRY);
  private long block = 1;
  private long timestamp = 1_767_225_600L;
  private int logIndex;

  FakeDatasetRegistry(KeyValueStore store) {
    this.store = store;
  }

  /** Following events go into this block. */
  FakeDatasetRegistry block(long number, long blockTimestamp) {
    this.block = number;
    this.timestamp = blockTimestamp;
    this.logIndex = 0;
    return this;
  }

  static String id(String curator, String name, String version) {
    return Hash.sha3String(curator + "/" + name + "/" + version);
  }

  String register(String curator, String name, String license, String... parents) {
    String id = id(curator, name, "1");
    apply(
        new DatasetEvent.Registered(
            id,
            curator,
            curator,
            name,
            "1",
            DIGEST,
            DIGEST,
            "https://example.org/" + name,
            license,
            List.of(parents)));
    return id;
  }

  FakeDatasetRegistry changeLicense(String id, String actor, String license) {
    return apply(new DatasetEvent.LicenseChanged(id, actor, license));
  }

  FakeDatasetRegistry deprecate(String id, String actor, String reason) {
    return apply(new DatasetEvent.Deprecated(id, actor, reason));
  }

  FakeDatasetRegistry transfer(String id, String actor, String curator) {
    return apply(new DatasetEvent.CuratorChanged(id, curator, actor));
  }

  FakeDatasetRegistry apply(DatasetEvent event) {
    ChainLog log = log(block, timestamp, logIndex++);
    try (Transaction tx = store.startTransaction()) {
      indexer.apply(event, log, tx);
      tx.commit();
    }
    return this;
  }

  static ChainLog log(long block, long timestamp, int logIndex) {
    return new ChainLog(
        block,
        Hash.sha3String("block " + block),
        timestamp,
        Hash.sha3String("tx " + block + "/" + logIndex),
        0,
        logIndex,
        REGISTRY,
        List.of(),
        "0x");
  }
}

package io.assent.node.chain;

import static io.assent.node.chain.FollowerTesting.snapshot;
import static io.assent.node.chain.FollowerTesting.syncToTip;
import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.devchain.Anvil;
import io.assent.node.chain.FollowerTesting.Snapshot;
import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.node.store.Segment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The follower against a real dev chain (anvil) and RocksDB, with the DID registry's logs. */
class ChainFollowerIT {

  @TempDir Path dir;
  private Anvil anvil;
  private DevRegistry registry;
  private FollowerConfig config;
  private int nodes;

  @BeforeEach
  void startChain() throws Exception {
    anvil = Anvil.start();
    registry = new DevRegistry(anvil);
    config = FollowerConfig.defaults().withStartBlock(registry.deployBlock()).withMaxBlockRange(4);
  }

  @AfterEach
  void stopChain() {
    anvil.close();
  }

  private ChainFollower follower(Web3j web3j, KeyValueStore store, FollowerConfig c) {
    return new ChainFollower(web3j, store, List.of(new RecordingHandler(registry.address())), c);
  }

  /** A new node with its own RocksDB that syncs the chain as it is now from scratch. */
  private Snapshot freshNode(FollowerConfig c) {
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("fresh-" + nodes++))) {
      ChainFollower follower = follower(anvil.web3j(), store, c);
      syncToTip(follower);
      return snapshot(store, follower);
    }
  }

  private void writeAttributes(int count, String value) throws Exception {
    for (int i = 0; i < count; i++) {
      registry.setAttribute(1 + i % 5, "did/svc/Test", value + i);
    }
  }

  private static long eventCount(KeyValueStore store) {
    try (Stream<KeyValue> events = store.stream(Segment.DID_EVENTS, new byte[0])) {
      return events.count();
    }
  }

  @Test
  void syncsEveryEventAndTwoFreshNodesAgree() throws Exception {
    writeAttributes(12, "a");
    registry.setAttributesInOneBlock("did/svc/Batch", "b", 1, 2, 3, 4, 5);
    anvil.mine(5);

    Snapshot small = freshNode(config);
    Snapshot large = freshNode(config.withMaxBlockRange(2_000));

    assertThat(small.content()).hasSize(17 + 1); // 17 events and the handler's counter
    assertThat(small.content().getLast()).endsWith("=" + "%016x".formatted(17));
    assertThat(small).isEqualTo(large);
    assertThat(small.cursor().blockNumber()).isEqualTo(anvil.blockNumber());
    assertThat(small.cursor().indexDigest()).isNotEqualTo(IndexDigest.INITIAL_HEX);
  }

  @Test
  void syncsThroughATransportThatRefusesBatches() throws Exception {
    writeAttributes(6, "a");
    Web3j noBatches =
        Web3j.build(
            new HttpService(anvil.rpcUrl()) {
              @Override
              public org.web3j.protocol.core.BatchResponse sendBatch(
                  org.web3j.protocol.core.BatchRequest batch) {
                throw new UnsupportedOperationException("no batches here");
              }
            });
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"))) {
      ChainFollower follower = follower(noBatches, store, config);
      syncToTip(follower);
      assertThat(eventCount(store)).isEqualTo(6);
      assertThat(snapshot(store, follower)).isEqualTo(freshNode(config));
    } finally {
      noBatches.shutdown();
    }
  }

  @Test
  void afterAReorgTheIndexEqualsAFreshSyncOfTheNewChain() throws Exception {
    writeAttributes(8, "a");
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"))) {
      ChainFollower follower = follower(anvil.web3j(), store, config);
      syncToTip(follower);
      long before = eventCount(store);

      anvil.reorg(3); // the last 3 blocks (3 attribute writes) become empty blocks
      List<SyncStep> steps = syncToTip(follower);

      assertThat(steps).anyMatch(s -> s instanceof SyncStep.RolledBack);
      assertThat(eventCount(store)).isEqualTo(before - 3);
      assertThat(snapshot(store, follower)).isEqualTo(freshNode(config));

      writeAttributes(2, "after-reorg");
      syncToTip(follower);
      assertThat(snapshot(store, follower)).isEqualTo(freshNode(config));
    }
  }

  @Test
  void afterARevertToASnapshotAndOtherTransactionsTheIndexEqualsAFreshSync() throws Exception {
    writeAttributes(4, "a");
    String snapshotId = anvil.snapshot();
    writeAttributes(6, "doomed");
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"))) {
      ChainFollower follower = follower(anvil.web3j(), store, config);
      syncToTip(follower);

      anvil.revert(snapshotId);
      writeAttributes(2, "other"); // a shorter chain with different blocks
      syncToTip(follower);
      assertThat(snapshot(store, follower)).isEqualTo(freshNode(config));
      assertThat(eventCount(store)).isEqualTo(6);

      writeAttributes(7, "longer"); // and now longer than the one it replaced
      syncToTip(follower);
      assertThat(snapshot(store, follower)).isEqualTo(freshNode(config));
    }
  }

  @Test
  void aNodeRestartedMidSyncEndsEqualToAFreshSync() throws Exception {
    writeAttributes(15, "a");
    FollowerConfig smallRanges = config.withMaxBlockRange(3);
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"))) {
      ChainFollower follower = follower(anvil.web3j(), store, smallRanges);
      assertThat(follower.syncOnce()).isInstanceOf(SyncStep.Applied.class);
      assertThat(follower.syncOnce()).isInstanceOf(SyncStep.Applied.class);
    }
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"))) {
      ChainFollower follower = follower(anvil.web3j(), store, smallRanges);
      assertThat(follower.status().syncedBlock()).isEqualTo(registry.deployBlock() + 5);
      assertThat(follower.syncOnce())
          .isEqualTo(
              new SyncStep.Applied(
                  registry.deployBlock() + 6, registry.deployBlock() + 8, 3, anvil.blockNumber()));
      syncToTip(follower);
      assertThat(snapshot(store, follower)).isEqualTo(freshNode(config));
    }
  }

  @Test
  void nothingAboveHeadMinusKIsApplied() throws Exception {
    writeAttributes(6, "a");
    FollowerConfig threeConfirmations = config.withConfirmations(3);
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"))) {
      ChainFollower follower = follower(anvil.web3j(), store, threeConfirmations);
      syncToTip(follower);
      long head = anvil.blockNumber();
      assertThat(follower.status().syncedBlock()).isEqualTo(head - 3);
      assertThat(follower.status().chainHead()).isEqualTo(head);
      try (Stream<KeyValue> events = store.stream(Segment.DID_EVENTS, new byte[0])) {
        assertThat(events.mapToLong(kv -> Bytes.toLong(kv.key(), 0)).max().orElseThrow())
            .isEqualTo(head - 3);
      }
      assertThat(eventCount(store)).isEqualTo(3);

      anvil.mine(3);
      syncToTip(follower);
      assertThat(eventCount(store)).isEqualTo(6);
      assertThat(follower.status().syncedBlock()).isEqualTo(head);
      assertThat(snapshot(store, follower)).isEqualTo(freshNode(threeConfirmations));
    }
  }

  @Test
  void whileTheEndpointIsDownNothingChangesAndSyncResumesWhenItIsBack() throws Exception {
    writeAttributes(3, "a");
    try (TcpProxy proxy = new TcpProxy(anvil.port());
        KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"))) {
      proxy.start();
      Web3j web3j = Web3j.build(new HttpService(proxy.url()));
      try {
        ChainFollower follower = follower(web3j, store, config);
        syncToTip(follower);
        Snapshot before = snapshot(store, follower);
        writeAttributes(2, "while-down");
        proxy.stop();

        SyncStep step = follower.syncOnce();

        assertThat(step).isInstanceOf(SyncStep.Failed.class);
        assertThat(((SyncStep.Failed) step).rpcReachable()).isFalse();
        assertThat(follower.status().rpcReachable()).isFalse();
        assertThat(follower.status().lastError()).contains("unreachable");
        assertThat(snapshot(store, follower)).isEqualTo(before);

        proxy.start();
        syncToTip(follower);
        assertThat(follower.status().rpcReachable()).isTrue();
        assertThat(follower.status().lastError()).isNull();
        assertThat(snapshot(store, follower)).isEqualTo(freshNode(config));
      } finally {
        web3j.shutdown();
      }
    }
  }

  @Test
  void aNodePointedAtADeadPortReportsItAndServesItsIndex() {
    Web3j dead = Web3j.build(new HttpService("http://127.0.0.1:" + Anvil.freePort()));
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"))) {
      ChainFollower follower = follower(dead, store, config);
      assertThat(follower.syncOnce()).isInstanceOf(SyncStep.Failed.class);
      SyncStatus status = follower.status();
      assertThat(status.rpcReachable()).isFalse();
      assertThat(status.chainHead()).isEqualTo(-1);
      assertThat(status.syncedBlock()).isEqualTo(registry.deployBlock() - 1);
      assertThat(eventCount(store)).isZero();
    } finally {
      dead.shutdown();
    }
  }

  @Test
  void theLoopFollowsTheChainThroughAReorg() throws Exception {
    FollowerConfig fast = config.withPollInterval(Duration.ofMillis(50));
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("node"));
        ChainFollower follower = follower(anvil.web3j(), store, fast)) {
      follower.start();
      writeAttributes(5, "live");
      assertThat(follower.awaitSynced(anvil.blockNumber(), Duration.ofSeconds(30))).isTrue();

      anvil.reorg(2);
      writeAttributes(1, "after");
      long head = anvil.blockNumber();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  follower.status().syncedBlock() == head
                      && follower
                          .status()
                          .syncedBlockHash()
                          .equals(
                              anvil
                                  .web3j()
                                  .ethGetBlockByNumber(
                                      org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                                          java.math.BigInteger.valueOf(head)),
                                      false)
                                  .send()
                                  .getBlock()
                                  .getHash()));
      follower.close();
      assertThat(snapshot(store, follower)).isEqualTo(freshNode(config));
    }
  }
}

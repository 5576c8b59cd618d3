package io.assent.node.chain;

import static io.assent.node.chain.FollowerTesting.freshSync;
import static io.assent.node.chain.FollowerTesting.snapshot;
import static io.assent.node.chain.FollowerTesting.syncToTip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChainFollowerTest {

  private final FakeChain chain = new FakeChain();
  private final KeyValueStore store = new InMemoryKeyValueStore();
  private FollowerConfig config = FollowerConfig.defaults().withStartBlock(1).withMaxBlockRange(3);

  @AfterEach
  void closeStore() {
    store.close();
  }

  private ChainFollower follower() {
    return new ChainFollower(
        chain, store, List.of(new RecordingHandler(FakeChain.REGISTRY)), config);
  }

  @Test
  void appliesTheLogsOfItsAddressesInRangesUpToTheHead() {
    chain.mine("0x01", "0x02");
    chain.mine("other:0x03");
    chain.mineEmpty(3);
    chain.mine("0x04");
    ChainFollower follower = follower();

    assertThat(follower.syncOnce()).isEqualTo(new SyncStep.Applied(1, 3, 2, 6));
    assertThat(follower.syncOnce()).isEqualTo(new SyncStep.Applied(4, 6, 1, 6));
    assertThat(follower.syncOnce()).isEqualTo(new SyncStep.UpToDate(6, 6));

    assertThat(RecordingHandler.dump(store))
        .containsExactly(
            "DID_EVENTS:000000000000000100000000=01",
            "DID_EVENTS:000000000000000100000001=02",
            "DID_EVENTS:000000000000000600000000=04",
            "DID_IDENTITIES:636f756e74=0000000000000003");
    SyncStatus status = follower.status();
    assertThat(status.syncedBlock()).isEqualTo(6);
    assertThat(status.syncedBlockHash()).isEqualTo(chain.hashOf(6));
    assertThat(status.chainHead()).isEqualTo(6);
    assertThat(status.rpcReachable()).isTrue();
    assertThat(status.lastError()).isNull();
    assertThat(status.indexDigest()).isNotEqualTo(IndexDigest.INITIAL_HEX);
  }

  @Test
  void theDigestDependsOnTheLogsNotOnHowTheyWereBatched() {
    for (int i = 0; i < 20; i++) {
      chain.mine("0x0" + (i % 10), "0x1" + (i % 10));
    }
    ChainFollower follower = follower();
    syncToTip(follower);
    var oneBlockRanges = freshSync(chain, config.withMaxBlockRange(1));
    var bigRanges = freshSync(chain, config.withMaxBlockRange(2_000));
    assertThat(snapshot(store, follower)).isEqualTo(oneBlockRanges).isEqualTo(bigRanges);
  }

  @Test
  void staysKConfirmationsBehindTheHead() {
    config = config.withConfirmations(2);
    chain.mine("0x01");
    chain.mine("0x02");
    chain.mine("0x03");
    ChainFollower follower = follower();
    syncToTip(follower);
    assertThat(follower.status().syncedBlock()).isEqualTo(1);
    assertThat(RecordingHandler.dump(store))
        .containsExactly(
            "DID_EVENTS:000000000000000100000000=01", "DID_IDENTITIES:636f756e74=0000000000000001");
    chain.mineEmpty(1);
    syncToTip(follower);
    assertThat(follower.status().syncedBlock()).isEqualTo(2);
  }

  @Test
  void aNewChainBeforeTheStartBlockIsUpToDate() {
    config = config.withStartBlock(50);
    ChainFollower follower = follower();
    assertThat(follower.syncOnce()).isEqualTo(new SyncStep.UpToDate(49, 0));
    assertThat(follower.status().syncedBlockHash()).isNull();
    assertThat(follower.status().indexDigest()).isEqualTo(IndexDigest.INITIAL_HEX);
  }

  @Test
  void aReorgRollsBackToTheCommonAncestorThenMatchesAFreshSync() {
    for (int i = 0; i < 8; i++) {
      chain.mine("0x0" + i);
    }
    ChainFollower follower = follower();
    syncToTip(follower);
    chain.dropBlocks(3);
    chain.mine("0xdead");
    chain.mine("0xaa", "0xbb");
    chain.mineEmpty(1);

    assertThat(follower.syncOnce()).isEqualTo(new SyncStep.RolledBack(8, 5, 6));
    assertThat(follower.status().syncedBlock()).isEqualTo(5);
    syncToTip(follower);
    assertThat(snapshot(store, follower)).isEqualTo(freshSync(chain, config));
  }

  @Test
  void aReorgOfTheSameHeightIsDetectedWithoutNewBlocks() {
    chain.mine("0x01");
    chain.mine("0x02");
    ChainFollower follower = follower();
    syncToTip(follower);
    chain.dropBlocks(1);
    chain.mine();
    assertThat(follower.syncOnce()).isInstanceOf(SyncStep.RolledBack.class);
    syncToTip(follower);
    assertThat(snapshot(store, follower)).isEqualTo(freshSync(chain, config));
  }

  @Test
  void aShorterChainIsRolledBackToo() {
    for (int i = 0; i < 6; i++) {
      chain.mine("0x0" + i);
    }
    ChainFollower follower = follower();
    syncToTip(follower);
    chain.dropBlocks(4);
    assertThat(follower.syncOnce()).isEqualTo(new SyncStep.RolledBack(6, 2, 8));
    assertThat(follower.syncOnce()).isInstanceOf(SyncStep.UpToDate.class);
    assertThat(snapshot(store, follower)).isEqualTo(freshSync(chain, config));
  }

  @Test
  void aReorgReplacingEverythingAppliedReturnsToTheInitialState() {
    chain.mine("0x01");
    chain.mine("0x02");
    ChainFollower follower = follower();
    syncToTip(follower);
    chain.dropBlocks(2);
    chain.mine("0x03");
    assertThat(follower.syncOnce()).isEqualTo(new SyncStep.RolledBack(2, 0, 4));
    assertThat(follower.status().syncedBlockHash()).isNull();
    assertThat(RecordingHandler.dump(store)).isEmpty();
    syncToTip(follower);
    assertThat(snapshot(store, follower)).isEqualTo(freshSync(chain, config));
  }

  @Test
  void aBlockTheEndpointDoesNotKnowBelowItsHeadIsNotTakenForAReorg() {
    chain.mine("0x01");
    chain.mine("0x02");
    ChainFollower follower = follower();
    syncToTip(follower);
    var before = snapshot(store, follower);
    chain.mine("0x03");
    chain.hidden.add(2L);

    SyncStep step = follower.syncOnce();

    assertThat(step).isInstanceOf(SyncStep.ChainMoved.class);
    assertThat(((SyncStep.ChainMoved) step).reason()).contains("has no block 2");
    assertThat(snapshot(store, follower)).isEqualTo(before);
    chain.hidden.clear();
    assertThat(follower.syncOnce()).isEqualTo(new SyncStep.Applied(3, 3, 1, 3));
  }

  @Test
  void aReorgDuringTheFetchAppliesNothingAndIsRetried() {
    chain.mine("0x01");
    chain.mine("0x02");
    ChainFollower follower = follower();
    chain.afterLogs =
        () -> {
          chain.afterLogs = () -> {};
          chain.dropBlocks(1);
          chain.mine("0x09");
        };
    assertThat(follower.syncOnce()).isInstanceOf(SyncStep.ChainMoved.class);
    assertThat(RecordingHandler.dump(store)).isEmpty();
    assertThat(follower.cursor()).isEqualTo(SyncCursor.initial(1));
    syncToTip(follower);
    assertThat(snapshot(store, follower)).isEqualTo(freshSync(chain, config));
  }

  @Test
  void whenTheEndpointIsDownAStepFailsAndChangesNothingThenRecovers() {
    chain.mine("0x01");
    ChainFollower follower = follower();
    syncToTip(follower);
    var before = snapshot(store, follower);
    chain.mine("0x02");
    chain.down = true;

    SyncStep step = follower.syncOnce();

    assertThat(step).isInstanceOf(SyncStep.Failed.class);
    assertThat(((SyncStep.Failed) step).rpcReachable()).isFalse();
    assertThat(follower.status().rpcReachable()).isFalse();
    assertThat(follower.status().lastError())
        .contains("unreachable")
        .contains("Connection refused");
    assertThat(snapshot(store, follower)).isEqualTo(before);

    chain.down = false;
    syncToTip(follower);
    assertThat(follower.status().rpcReachable()).isTrue();
    assertThat(follower.status().lastError()).isNull();
    assertThat(follower.status().syncedBlock()).isEqualTo(2);
  }

  @Test
  void aNewFollowerOnTheSameStoreResumesFromTheStoredCursor() {
    for (int i = 0; i < 7; i++) {
      chain.mine("0x0" + i);
    }
    follower().syncOnce();
    follower().syncOnce();
    ChainFollower restarted = follower();
    assertThat(restarted.status().syncedBlock()).isEqualTo(6);
    assertThat(restarted.syncOnce()).isEqualTo(new SyncStep.Applied(7, 7, 1, 7));
    assertThat(snapshot(store, restarted)).isEqualTo(freshSync(chain, config));
  }

  @Test
  void aFailingHandlerAppliesNothingOfTheRange() {
    chain.mine("0x01");
    chain.mine("0x02");
    LogHandler failing =
        new LogHandler() {
          @Override
          public java.util.Set<String> addresses() {
            return java.util.Set.of(FakeChain.REGISTRY);
          }

          @Override
          public void apply(ChainLog log, io.assent.node.store.Transaction tx) {
            if (log.blockNumber() == 2) {
              throw new IllegalStateException("boom");
            }
          }
        };
    ChainFollower follower =
        new ChainFollower(
            chain, store, List.of(new RecordingHandler(FakeChain.REGISTRY), failing), config);
    SyncStep step = follower.syncOnce();
    assertThat(step).isInstanceOf(SyncStep.Failed.class);
    assertThat(((SyncStep.Failed) step).error()).contains("log 0 of block 2").contains("boom");
    assertThat(RecordingHandler.dump(store)).isEmpty();
    assertThat(follower.cursor()).isEqualTo(SyncCursor.initial(1));
  }

  @Test
  void handlersCannotWriteTheFollowersOwnSegments() {
    chain.mine("0x01");
    LogHandler sneaky =
        new LogHandler() {
          @Override
          public java.util.Set<String> addresses() {
            return java.util.Set.of(FakeChain.REGISTRY);
          }

          @Override
          public void apply(ChainLog log, io.assent.node.store.Transaction tx) {
            tx.put(Segment.CHAIN_CURSOR, new byte[] {1}, new byte[] {1});
          }
        };
    ChainFollower follower = new ChainFollower(chain, store, List.of(sneaky), config);
    SyncStep step = follower.syncOnce();
    assertThat(step).isInstanceOf(SyncStep.Failed.class);
    assertThat(((SyncStep.Failed) step).error()).contains("may not write to segment CHAIN_CURSOR");
  }

  @Test
  void aReorgDeeperThanTheRetentionWindowHaltsTheFollower() {
    config = config.withRetentionBlocks(4).withMaxBlockRange(2);
    for (int i = 0; i < 12; i++) {
      chain.mine("0x0" + (i % 10));
    }
    ChainFollower follower = follower();
    syncToTip(follower);
    var before = snapshot(store, follower);
    chain.dropBlocks(11);
    chain.mineEmpty(12);

    assertThatThrownBy(follower::syncOnce)
        .isInstanceOf(DeepReorgException.class)
        .hasMessageContaining("deeper than the retention window");
    assertThat(follower.status().halted()).isTrue();
    assertThat(follower.status().lastError()).contains("rebuild");
    assertThat(snapshot(store, follower)).isEqualTo(before);
    assertThatThrownBy(follower::syncOnce).isInstanceOf(DeepReorgException.class);
  }

  @Test
  void historyOlderThanTheRetentionWindowIsPruned() {
    config = config.withRetentionBlocks(4).withMaxBlockRange(2);
    for (int i = 0; i < 20; i++) {
      chain.mine("0x0" + (i % 10));
    }
    ChainFollower follower = follower();
    syncToTip(follower);
    List<Long> blocks = blockNumbers(Segment.CHAIN_BLOCKS);
    List<Long> undo = blockNumbers(Segment.CHAIN_UNDO);
    // The synced block is 20; kept: 16..20, and 15, the newest block below the window.
    assertThat(blocks).containsExactly(15L, 16L, 17L, 18L, 19L, 20L);
    assertThat(undo).allMatch(n -> n >= 15).contains(16L, 20L);
  }

  private List<Long> blockNumbers(Segment segment) {
    try (var entries = store.stream(segment, new byte[0])) {
      return entries.map(kv -> io.assent.node.store.Bytes.toLong(kv.key(), 0)).distinct().toList();
    }
  }

  @Test
  void aReorgWithinTheRetentionWindowIsRolledBackAfterPruning() {
    config = config.withRetentionBlocks(4).withMaxBlockRange(2);
    for (int i = 0; i < 12; i++) {
      chain.mine("0x0" + (i % 10));
    }
    ChainFollower follower = follower();
    syncToTip(follower);
    chain.dropBlocks(4);
    chain.mine("0xdead");
    chain.mineEmpty(4);
    syncToTip(follower);
    assertThat(snapshot(store, follower)).isEqualTo(freshSync(chain, config));
  }
}

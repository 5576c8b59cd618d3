package io.assent.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValueStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ChainFollowerLoopTest {

  private final FakeChain chain = new FakeChain();
  private final FollowerConfig config =
      FollowerConfig.defaults()
          .withStartBlock(1)
          .withMaxBlockRange(2)
          .withPollInterval(Duration.ofMillis(20))
          .withMaxBackoff(Duration.ofMillis(100));

  @Test
  void theLoopFollowsNewBlocksTellsListenersAndSurvivesAnOutage() throws Exception {
    try (KeyValueStore store = new InMemoryKeyValueStore();
        ChainFollower follower =
            new ChainFollower(
                chain, store, List.of(new RecordingHandler(FakeChain.REGISTRY)), config)) {
      List<Long> applied = new CopyOnWriteArrayList<>();
      follower.onApplied(applied::add);
      chain.mine("0x01");
      chain.mine("0x02");
      chain.mine("0x03");
      follower.start();

      assertThat(follower.awaitSynced(3, Duration.ofSeconds(10))).isTrue();
      // Listeners are told after the status is published: wait for them too.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(applied).startsWith(2L, 3L));

      chain.down = true;
      await().atMost(Duration.ofSeconds(10)).until(() -> !follower.status().rpcReachable());
      assertThat(follower.status().lastError()).contains("unreachable");
      chain.mine("0x04");
      chain.down = false;

      assertThat(follower.awaitSynced(4, Duration.ofSeconds(10))).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> follower.status().rpcReachable());
      assertThat(follower.awaitSynced(99, Duration.ofMillis(50))).isFalse();
    }
  }

  @Test
  void closeStopsTheLoop() {
    try (KeyValueStore store = new InMemoryKeyValueStore()) {
      ChainFollower follower =
          new ChainFollower(
              chain, store, List.of(new RecordingHandler(FakeChain.REGISTRY)), config);
      follower.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> follower.status().chainHead() == 0);
      follower.close();
      int calls = chain.logCalls;
      chain.mine("0x01");
      // The loop is stopped: a step now is the only one, and it applies the block.
      assertThat(follower.syncOnce()).isInstanceOf(SyncStep.Applied.class);
      assertThat(chain.logCalls).isEqualTo(calls + 1);
    }
  }
}

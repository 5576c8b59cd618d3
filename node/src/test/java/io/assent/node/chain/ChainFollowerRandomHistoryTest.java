package io.assent.node.chain;

import static io.assent.node.chain.FollowerTesting.freshSync;
import static io.assent.node.chain.FollowerTesting.snapshot;
import static io.assent.node.chain.FollowerTesting.syncToTip;
import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValueStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The follower's invariant over random histories: after any mix of new blocks, reorgs (also during
 * a fetch), outages, restarts and partial syncs, the index and digest equal a fresh sync.
 */
class ChainFollowerRandomHistoryTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void anyHistoryEndsEqualToAFreshSync(long seed) {
    Random random = new Random(seed);
    FakeChain chain = new FakeChain();
    FollowerConfig config =
        FollowerConfig.defaults()
            .withStartBlock(1 + random.nextInt(3))
            .withMaxBlockRange(1 + random.nextInt(5))
            .withConfirmations(random.nextInt(3))
            .withRetentionBlocks(40);
    try (KeyValueStore store = new InMemoryKeyValueStore()) {
      ChainFollower follower = newFollower(chain, store, config);
      for (int round = 0; round < 150; round++) {
        switch (random.nextInt(10)) {
          case 0, 1, 2 -> chain.mine(randomLogs(random));
          case 3 -> chain.mineEmpty(1 + random.nextInt(3));
          case 4 -> {
            if (chain.head() > 3) {
              chain.dropBlocks(1 + random.nextInt(Math.min(6, (int) chain.head() - 1)));
            }
          }
          case 5 -> follower = newFollower(chain, store, config); // restart
          case 6 -> chain.down = !chain.down;
          case 7 ->
              chain.afterLogs =
                  () -> {
                    chain.afterLogs = () -> {};
                    chain.dropBlocks(1);
                    chain.mine(randomLogs(random));
                  };
          default -> {
            for (int i = random.nextInt(4); i >= 0; i--) {
              follower.syncOnce();
            }
          }
        }
      }
      chain.down = false;
      chain.afterLogs = () -> {};
      syncToTip(follower);
      assertThat(snapshot(store, follower)).isEqualTo(freshSync(chain, config));
    }
  }

  private static ChainFollower newFollower(FakeChain chain, KeyValueStore store, FollowerConfig c) {
    return new ChainFollower(chain, store, List.of(new RecordingHandler(FakeChain.REGISTRY)), c);
  }

  private static String[] randomLogs(Random random) {
    List<String> logs = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      int kind = random.nextInt(8);
      logs.add(
          kind == 0
              ? "0xdead"
              : kind == 1 ? "other:0x77" : String.format("0x%04x", random.nextInt(65536)));
    }
    return logs.toArray(String[]::new);
  }
}

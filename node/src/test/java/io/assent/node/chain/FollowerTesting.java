package io.assent.node.chain;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValueStore;
import java.util.ArrayList;
import java.util.List;

/** Shared steps of the follower tests. */
final class FollowerTesting {
  private FollowerTesting() {}

  /** Steps until the follower reports it is up to date; fails after too many steps. */
  static List<SyncStep> syncToTip(ChainFollower follower) {
    List<SyncStep> steps = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      SyncStep step = follower.syncOnce();
      steps.add(step);
      if (step instanceof SyncStep.UpToDate) {
        return steps;
      }
      if (step instanceof SyncStep.Failed failed) {
        throw new AssertionError("sync failed: " + failed.error());
      }
    }
    throw new AssertionError("not up to date after 10,000 steps: " + steps.getLast());
  }

  /** The index content and digest of a new node that syncs {@code chain} from scratch. */
  record Snapshot(List<String> content, SyncCursor cursor) {}

  static Snapshot freshSync(ChainSource chain, FollowerConfig config) {
    try (KeyValueStore store = new InMemoryKeyValueStore()) {
      ChainFollower follower =
          new ChainFollower(
              chain, store, List.of(new RecordingHandler(FakeChain.REGISTRY)), config);
      syncToTip(follower);
      return snapshot(store, follower);
    }
  }

  static Snapshot snapshot(KeyValueStore store, ChainFollower follower) {
    return new Snapshot(RecordingHandler.dump(store), follower.cursor());
  }
}

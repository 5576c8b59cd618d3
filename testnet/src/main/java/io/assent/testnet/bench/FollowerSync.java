package io.assent.testnet.bench;

import io.assent.contracts.devchain.Anvil;
import io.assent.node.chain.ChainFollower;
import io.assent.node.chain.FollowerConfig;
import io.assent.node.chain.SyncStep;
import io.assent.node.identity.IdentityIndexer;
import io.assent.node.store.DatabaseMetadata;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.RocksDbKeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The node's sync path from scratch: a fresh RocksDB index in a temp dir, the chain follower with
 * the identity indexer, stepped on this thread until it is up to date with the head. Counts the
 * logs it applied.
 */
final class FollowerSync {
  private FollowerSync() {}

  static Throughput run(String rpcUrl, String registry, long startBlock, int rangeSize) {
    Path dir;
    try {
      dir = Files.createTempDirectory("assent-bench-sync-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Web3j web3j = Web3j.build(new HttpService(rpcUrl));
    try (KeyValueStore store = RocksDbKeyValueStore.open(dir.resolve("data"))) {
      DatabaseMetadata.initOrVerify(store, Anvil.CHAIN_ID, Clock.systemUTC());
      FollowerConfig config =
          FollowerConfig.defaults().withStartBlock(startBlock).withMaxBlockRange(rangeSize);
      ChainFollower follower =
          new ChainFollower(web3j, store, List.of(new IdentityIndexer(registry)), config);
      Stopwatch watch = new Stopwatch();
      long events = 0;
      while (true) {
        SyncStep step = follower.syncOnce();
        switch (step) {
          case SyncStep.Applied applied -> events += applied.logs();
          case SyncStep.UpToDate upToDate -> {
            return watch.stop(events);
          }
          default -> throw new IllegalStateException("unexpected sync step " + step);
        }
      }
    } finally {
      web3j.shutdown();
      Anvil.deleteRecursively(dir);
    }
  }
}

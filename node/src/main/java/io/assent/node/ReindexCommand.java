package io.assent.node;

import io.assent.node.anchor.AnchorQueueKeys;
import io.assent.node.chain.IndexRebuild;
import io.assent.node.chain.IndexScope;
import io.assent.node.config.ConfigException;
import io.assent.node.config.NodeConfig;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.RocksDbKeyValueStore;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code assent-node reindex}: rebuilds the chain-derived index for the configured start block and
 * contracts ({@link IndexRebuild}), with the node stopped. Refuses to move a node's anchor batches
 * to another ConsentAnchor: their transactions went to the old one, which the new index no longer
 * reads, so they would wait for ever.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the index of the chain (DIDs, anchors, datasets) for the configured start block"
          + " and contracts, keeping what only this node holds: consents, their keys, the anchor"
          + " queue.",
      "Run it with the node stopped, after changing the contracts or the start block the node"
          + " follows. The node re-syncs when it next starts, and anchors again once it is back"
          + " where the old index was.",
      "Takes the same settings as run."
    })
final class ReindexCommand implements Callable<Integer> {

  @Mixin SettingsOptions settings;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    NodeConfig config = settings.load();
    if (!Files.isDirectory(config.dataDir())) {
      throw new ConfigException("no node database in " + config.dataDir());
    }
    try (KeyValueStore store = RocksDbKeyValueStore.open(config.dataDir())) {
      AssentNode.verifyDatabase(store, config);
      IndexScope scope = AssentNode.indexScope(config);
      requireBatchesKeepTheirAnchor(store, scope);
      IndexRebuild.Result result = IndexRebuild.rebuild(store, scope);
      spec.commandLine()
          .getOut()
          .printf(
              "cleared %d entries of the chain's index; it now follows %s. The node re-syncs when"
                  + " it starts, and anchors again once past block %d.%n",
              result.cleared(), scope.describe(), result.replayUntil());
    }
    return 0;
  }

  private static void requireBatchesKeepTheirAnchor(KeyValueStore store, IndexScope scope) {
    Optional<String> before =
        IndexScope.stored(store).flatMap(s -> s.contract(AssentNode.CONSENT_ANCHOR));
    long batches = AnchorQueueKeys.batches(store);
    if (before.isPresent()
        && !before.equals(scope.contract(AssentNode.CONSENT_ANCHOR))
        && batches > 0) {
      throw new ConfigException(
          "the anchor queue holds "
              + batches
              + " batches sent to ConsentAnchor "
              + before.get()
              + "; they cannot move to another anchor contract: keep "
              + before.get()
              + " in the configuration");
    }
  }
}

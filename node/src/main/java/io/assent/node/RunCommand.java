package io.assent.node;

import io.assent.node.config.NodeConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code assent-node run}: runs a node until SIGINT/SIGTERM. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node until interrupted.",
      "Settings come from the config file, then ASSENT_* environment variables"
          + " (e.g. ASSENT_CHAIN_RPC_URL), then these flags."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin SettingsOptions settings;

  @Override
  public Integer call() throws Exception {
    NodeConfig nodeConfig = settings.load();
    AssentNode node = AssentNode.start(nodeConfig);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  node.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }
}

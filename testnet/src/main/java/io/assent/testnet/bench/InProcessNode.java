package io.assent.testnet.bench;

import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.config.NodeConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Assent node running in this JVM against a bench chain: a fresh temp data dir, HTTP on a free
 * loopback port, no relayer key. Close it to stop the node and delete its data.
 */
final class InProcessNode implements AutoCloseable {
  static final String NETWORK_NAME = "dev";

  private final AssentNode node;
  private final Path dir;

  private InProcessNode(AssentNode node, Path dir) {
    this.node = node;
    this.dir = dir;
  }

  static InProcessNode start(BenchChain chain) {
    return start(chain, Map.of());
  }

  /** {@code extra}: more settings (NodeConfigLoader keys), e.g. the ConsentAnchor and a relayer. */
  static InProcessNode start(BenchChain chain, Map<String, String> extra) {
    Path dir;
    try {
      dir = Files.createTempDirectory("assent-bench-node-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("dataDir", dir.resolve("data").toString());
    settings.put("http.port", "0");
    settings.put("chain.rpcUrl", chain.anvil().rpcUrl());
    settings.put("chain.chainId", Long.toString(Anvil.CHAIN_ID));
    settings.put("chain.networkNames", NETWORK_NAME);
    settings.put("chain.startBlock", Long.toString(chain.deploymentBlock()));
    settings.put("chain.pollIntervalMs", "100");
    settings.put("contracts.didRegistry", chain.registry().address());
    settings.putAll(extra);
    // No environment: ASSENT_* variables of the caller's shell must not change what is measured.
    var config = new NodeConfigLoader(Map.of()).load(null, settings);
    try {
      return new InProcessNode(AssentNode.start(config), dir);
    } catch (RuntimeException e) {
      Anvil.deleteRecursively(dir);
      throw e;
    }
  }

  AssentNode node() {
    return node;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + node.httpPort();
  }

  /** Waits until the node's index has applied every block up to {@code block}. */
  void awaitSynced(long block, Duration timeout) {
    try {
      if (!node.follower().awaitSynced(block, timeout)) {
        throw new IllegalStateException(
            "node not synced to block "
                + block
                + " within "
                + timeout
                + ": "
                + node.follower().status());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    node.close();
    Anvil.deleteRecursively(dir);
  }
}

package io.assent.testnet.consent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A node config file for a {@link io.assent.testnet.NodeProcess} on a {@link TestNode} chain. */
final class ConsentNodeConfig {
  private ConsentNodeConfig() {}

  /**
   * Anchoring batches of {@code batchSize} or every 200 ms; the relayer key (anvil account 1) comes
   * from the environment, {@link #relayerEnvironment()}.
   */
  static Path write(TestNode net, String rpcUrl, Path dir, int batchSize) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("dataDir", dir.resolve("data").toString());
    root.putObject("http").put("host", "127.0.0.1");
    ObjectNode chain = root.putObject("chain");
    chain.put("rpcUrl", rpcUrl);
    chain.put("chainId", Anvil.CHAIN_ID);
    chain.putArray("networkNames").add("dev");
    chain.put("confirmations", 0);
    chain.put(
        "startBlock",
        net.registry().deploymentReceipt().orElseThrow().getBlockNumber().longValueExact());
    chain.put("pollIntervalMs", 50);
    root.putObject("contracts")
        .put("didRegistry", net.registry().address())
        .put("consentAnchor", net.consentAnchor().address());
    root.putObject("anchor").put("batchSize", batchSize).put("maxWaitMs", 200);
    Path file = dir.resolve("node.json");
    Files.writeString(file, mapper.writeValueAsString(root));
    return file;
  }

  static java.util.Map<String, String> relayerEnvironment() {
    return java.util.Map.of("ASSENT_RELAYER_KEY", Anvil.DEV_KEYS.get(TestNode.RELAYER));
  }
}

package io.assent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.assent.contracts.devchain.Anvil;
import io.assent.node.config.ConfigException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a node starts against a wrong or unreachable chain. */
class NodeStartupIT {

  @Test
  void refusesAnEndpointOfAnotherChain() {
    try (TestNode net = TestNode.startChain()) {
      assertThatThrownBy(() -> net.startNode(Map.of("chain.chainId", "1")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("chain id 31337")
          .hasMessageContaining("config says 1");
    }
  }

  @Test
  void servesItsIndexWhileTheChainIsUnreachable() {
    try (TestNode net = TestNode.startChain()) {
      String deadRpc = "http://127.0.0.1:" + Anvil.freePort();
      AssentNode node = net.startNode(Map.of("chain.rpcUrl", deadRpc));
      Http http = new Http(node.httpPort());
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                Http.Response ready = http.get("/health/ready");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().getString("status")).isEqualTo("DEGRADED");
              });
      JsonObject status = http.get("/v1/status").json();
      assertThat(status.getBoolean("rpcReachable")).isFalse();
      Http.Response resolved =
          http.get(
              "/1.0/identifiers/did:ethr:dev:" + Anvil.devCredentials(2).getAddress(),
              "application/did-resolution");
      assertThat(resolved.status()).isEqualTo(200);
    }
  }
}

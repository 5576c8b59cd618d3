package io.assent.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FollowerConfigTest {

  @Test
  void defaultsAndWithers() {
    FollowerConfig config =
        FollowerConfig.defaults()
            .withStartBlock(7)
            .withConfirmations(3)
            .withMaxBlockRange(10)
            .withPollInterval(Duration.ofMillis(100))
            .withMaxBackoff(Duration.ofSeconds(2))
            .withRetentionBlocks(50);
    assertThat(config)
        .isEqualTo(new FollowerConfig(7, 3, 10, Duration.ofMillis(100), Duration.ofSeconds(2), 50));
    assertThat(FollowerConfig.defaults().maxBlockRange()).isEqualTo(2_000);
    assertThat(FollowerConfig.defaults().pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(FollowerConfig.defaults().retentionBlocks()).isEqualTo(10_000);
  }

  @Test
  void refusesNonsense() {
    FollowerConfig d = FollowerConfig.defaults();
    assertThatThrownBy(() -> d.withStartBlock(-1)).hasMessageContaining("startBlock");
    assertThatThrownBy(() -> d.withConfirmations(-1)).hasMessageContaining("confirmations");
    assertThatThrownBy(() -> d.withMaxBlockRange(0)).hasMessageContaining("maxBlockRange");
    assertThatThrownBy(() -> d.withPollInterval(Duration.ZERO))
        .hasMessageContaining("pollInterval");
    assertThatThrownBy(() -> d.withMaxBackoff(null)).hasMessageContaining("maxBackoff");
    assertThatThrownBy(() -> d.withRetentionBlocks(0)).hasMessageContaining("retentionBlocks");
  }
}

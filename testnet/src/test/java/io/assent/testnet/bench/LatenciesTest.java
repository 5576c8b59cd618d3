package io.assent.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void quantilesAreByNearestRank() {
    long[] hundred = LongStream.rangeClosed(1, 100).toArray();
    assertThat(Latencies.quantile(hundred, 0.5)).isEqualTo(50);
    assertThat(Latencies.quantile(hundred, 0.99)).isEqualTo(99);
    assertThat(Latencies.quantile(hundred, 1.0)).isEqualTo(100);
    long[] three = {10, 20, 30};
    assertThat(Latencies.quantile(three, 0.5)).isEqualTo(20);
    assertThat(Latencies.quantile(three, 0.99)).isEqualTo(30);
    assertThat(Latencies.quantile(new long[] {7}, 0.99)).isEqualTo(7);
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> Latencies.quantile(new long[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void warmUpRunsAreNotCounted() {
    AtomicInteger calls = new AtomicInteger();
    Latencies.Summary summary = Latencies.measure(3, 5, calls::incrementAndGet);
    assertThat(calls).hasValue(8);
    assertThat(summary.samples()).isEqualTo(5);
    assertThat(summary.medianMs()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(summary.p99Ms());
  }

  @Test
  void aFailingOperationStopsTheMeasurement() {
    assertThatThrownBy(
            () ->
                Latencies.measure(
                    0,
                    3,
                    () -> {
                      throw new IllegalStateException("resolver down");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resolver down");
  }
}

package io.assent.testnet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.consent.DatasetConsentSummary;
import io.assent.node.consent.DatasetConsents;
import io.assent.node.consent.ManifestEntry;
import io.assent.node.store.InMemoryKeyValueStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The permits benchmark's bulk fill calls the consent service's package-private tally hooks by
 * reflection, which no compiler checks: this runs it small and compares the summary it leaves with
 * a consent-by-consent count, as the benchmark does at 1,000,000.
 */
class PermitFillTest {
  private static final String DATASET = "0x" + "ab".repeat(32);

  @Test
  void theFilledSummaryAgreesWithTheConsentsItSummarizes() throws Exception {
    long now = 1_800_000_000L;
    int consents = 2 * PermitFill.PENDING_TAIL + 500;
    try (InMemoryKeyValueStore store = new InMemoryKeyValueStore()) {
      new PermitFill().fill(store, DATASET, consents, now);
      DatasetConsents reads = new DatasetConsents(store);
      DatasetConsentSummary summary = reads.summary(DATASET, List.of("ai:ModelTraining"), now);
      long valid;
      try (Stream<ManifestEntry> all = reads.manifest(DATASET, List.of("ai:ModelTraining"), now)) {
        valid = all.count();
      }
      // Every fourth consent is for research only, not for training.
      assertThat(summary.total()).isEqualTo(consents - consents / 4);
      assertThat(summary.valid()).isPositive().isEqualTo(valid);
      assertThat(summary.withdrawn()).isPositive();
      assertThat(summary.pending()).isPositive();
    }
  }
}

package io.assent.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

  @Test
  void flushesAreLevelZeroAndCompactionsTheRestOfTheSum() {
    BackgroundWork.Work work =
        BackgroundWork.Work.fromColumnFamilyStats(
            Map.of(
                "compaction.L0.WriteGB", "0.001000",
                "compaction.L0.WblobGB", "0.000500",
                "compaction.L0.CompMergeCPU", "0.250000",
                "compaction.Sum.WriteGB", "0.003000",
                "compaction.Sum.WblobGB", "0.000500",
                "compaction.Sum.ReadGB", "0.002000",
                "compaction.Sum.CompMergeCPU", "1.000000"));

    // Each figure is rounded to the byte on its own (0.001 GB = 1,073,741.824 B).
    assertThat(work.flushedBytes()).isEqualTo(1_610_613L);
    assertThat(work.flushCpuMicros()).isEqualTo(250_000);
    assertThat(work.compactionReadBytes()).isEqualTo(2_147_484L);
    assertThat(work.compactionWrittenBytes()).isEqualTo(2_147_483L);
    assertThat(work.compactionCpuMicros()).isEqualTo(750_000);
  }

  @Test
  void missingOrUnreadableFiguresCountAsNothing() {
    assertThat(BackgroundWork.Work.fromColumnFamilyStats(Map.of()))
        .isEqualTo(BackgroundWork.Work.NONE);
    assertThat(
            BackgroundWork.Work.fromColumnFamilyStats(Map.of("compaction.L0.WriteGB", "n/a"))
                .flushedBytes())
        .isZero();
  }

  @Test
  void theDifferenceOfTwoSnapshotsIsTheWorkBetweenThem() {
    BackgroundWork earlier =
        new BackgroundWork(
            Map.of(Segment.CONSENT_STATE, new BackgroundWork.Work(10, 1, 20, 30, 2)));
    BackgroundWork later =
        new BackgroundWork(
            Map.of(
                Segment.CONSENT_STATE, new BackgroundWork.Work(15, 3, 20, 70, 5),
                Segment.CONSENT_INDEX, new BackgroundWork.Work(1, 1, 1, 1, 1)));

    BackgroundWork between = later.minus(earlier);

    assertThat(between.of(Segment.CONSENT_STATE))
        .isEqualTo(new BackgroundWork.Work(5, 2, 0, 40, 3));
    assertThat(between.of(Segment.CONSENT_INDEX)).isEqualTo(new BackgroundWork.Work(1, 1, 1, 1, 1));
    assertThat(between.of(Segment.DID_EVENTS)).isEqualTo(BackgroundWork.Work.NONE);
    assertThat(between.total()).isEqualTo(new BackgroundWork.Work(6, 3, 1, 41, 4));
  }
}

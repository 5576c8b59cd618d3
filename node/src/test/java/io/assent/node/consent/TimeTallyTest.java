package io.assent.node.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValue;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TimeTallyTest {
  private static final byte[] PREFIX = {'T', 1, 2};
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();

  private record Event(long time, long[] delta) {}

  private void add(long time, long... delta) {
    try (Transaction tx = store.startTransaction()) {
      TimeTally.add(tx, PREFIX, time, delta);
      tx.commit();
    }
  }

  private static long[] bruteForce(List<Event> events, long t) {
    long[] sum = new long[TimeTally.KINDS];
    for (Event e : events) {
      if (e.time() <= t && e.time() < TimeTally.END) {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += e.delta()[i];
        }
      }
    }
    return sum;
  }

  @Test
  void sumsEveryDeltaAtOrBeforeTheTimeAcrossAllLevels() {
    Random random = new Random(7);
    List<Event> events = new ArrayList<>();
    long base = 1_800_000_000L;
    for (int i = 0; i < 2_000; i++) {
      long time =
          switch (i % 4) {
            case 0 -> base + random.nextInt(300); // same and neighbouring seconds
            case 1 -> base + random.nextInt(100_000_000); // across low levels
            case 2 -> random.nextLong(TimeTally.END); // anywhere
            default -> base + (long) random.nextInt(1000) * 65_536; // bucket edges
          };
      long[] delta = {random.nextInt(5) - 2, random.nextInt(3), -random.nextInt(2)};
      events.add(new Event(time, delta));
      add(time, delta);
    }
    List<Long> probes = new ArrayList<>(List.of(0L, TimeTally.MAX_AT, base, base - 1));
    events.forEach(e -> probes.addAll(List.of(e.time(), e.time() - 1, e.time() + 1)));
    for (long t : probes) {
      if (t >= 0 && t <= TimeTally.MAX_AT) {
        assertThat(TimeTally.through(store, PREFIX, t))
            .as("at %d", t)
            .isEqualTo(bruteForce(events, t));
      }
    }
  }

  /** A commit group's deltas, added at once, leave the same keys and values as one by one. */
  @Test
  void addingManyTimesAtOnceEqualsAddingThemOneByOne() {
    Random random = new Random(11);
    InMemoryKeyValueStore together = new InMemoryKeyValueStore();
    long base = 1_800_000_000L;
    for (int round = 0; round < 50; round++) {
      java.util.Map<Long, long[]> deltas = new java.util.TreeMap<>();
      for (int i = 0; i < 20; i++) {
        long time =
            i % 5 == 0 ? random.nextLong(TimeTally.END + 10) : base + random.nextInt(70_000);
        long[] delta = {random.nextInt(5) - 2, random.nextInt(3) - 1, random.nextInt(2)};
        deltas.merge(time, delta, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
      }
      deltas.forEach(this::add);
      try (Transaction tx = together.startTransaction()) {
        TimeTally.addAll(tx, PREFIX, deltas);
        tx.commit();
      }
    }
    try (Stream<KeyValue> one = store.stream(Segment.CONSENT_INDEX, PREFIX);
        Stream<KeyValue> all = together.stream(Segment.CONSENT_INDEX, PREFIX)) {
      List<String> expected = one.map(TimeTallyTest::describe).toList();
      assertThat(expected).isNotEmpty();
      assertThat(all.map(TimeTallyTest::describe).toList()).isEqualTo(expected);
    }
  }

  private static String describe(KeyValue kv) {
    return java.util.HexFormat.of().formatHex(kv.key())
        + "="
        + java.util.HexFormat.of().formatHex(kv.value());
  }

  @Test
  void deltasThatCancelLeaveNoKeysAndTimesBeyondTheEndAreIgnored() {
    add(1_000, 1, 0, 0);
    add(1_000, -1, 0, 0);
    add(TimeTally.END, 5, 5, 5);
    add(Long.MAX_VALUE, 5, 5, 5);
    try (Stream<KeyValue> entries = store.stream(Segment.CONSENT_INDEX, PREFIX)) {
      assertThat(entries).isEmpty();
    }
    assertThat(TimeTally.through(store, PREFIX, TimeTally.MAX_AT)).containsExactly(0, 0, 0);
  }

  @Test
  void aTimeOutsideTheRangeIsRefused() {
    assertThatThrownBy(() -> TimeTally.through(store, PREFIX, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeTally.through(store, PREFIX, TimeTally.MAX_AT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

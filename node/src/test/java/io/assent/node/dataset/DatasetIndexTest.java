package io.assent.node.dataset;

import static io.assent.node.dataset.DatasetIndexerTest.ALICE;
import static io.assent.node.dataset.DatasetIndexerTest.BOB;
import static io.assent.node.dataset.DatasetIndexerTest.T0;
import static io.assent.node.dataset.DatasetIndexerTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.store.InMemoryKeyValueStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetIndexTest {
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final FakeDatasetRegistry registry = new FakeDatasetRegistry(store);
  private final DatasetIndex index = new DatasetIndex(store);

  @Test
  void listPagesInIdOrderWithoutGapsOrRepeats() {
    registry.block(1, T0);
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      all.add(registry.register(i % 2 == 0 ? ALICE : BOB, "d" + i, "MIT"));
    }
    all.sort(Comparator.naturalOrder());

    List<String> paged = new ArrayList<>();
    Optional<String> after = Optional.empty();
    while (true) {
      List<DatasetRecord> page = index.list(Optional.empty(), Optional.empty(), after, 7);
      paged.addAll(ids(page));
      if (page.size() < 7) {
        break;
      }
      after = Optional.of(page.getLast().id());
    }

    assertThat(paged).isEqualTo(all);
    List<String> alices =
        ids(
            index.list(
                Optional.of(ALICE.toUpperCase().replace("0X", "0x")),
                Optional.empty(),
                Optional.empty(),
                1000));
    assertThat(alices).hasSize(13).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(ids(index.list(Optional.of(ALICE), Optional.empty(), Optional.of(alices.get(4)), 3)))
        .isEqualTo(alices.subList(5, 8));
  }

  @Test
  void licenseFilterMatchesAnyIdOfTheCurrentExpressionButNotExceptions() {
    registry.block(1, T0);
    String mit = registry.register(ALICE, "a", "MIT");
    String mit0 = registry.register(ALICE, "b", "MIT-0");
    String either = registry.register(BOB, "c", "(Apache-2.0 OR mit) AND CC-BY-4.0");
    String gpl = registry.register(BOB, "d", "GPL-2.0+ WITH Classpath-exception-2.0");

    assertThat(ids(list(null, "MIT"))).containsExactlyInAnyOrder(mit, either);
    assertThat(ids(list(null, "mit-0"))).containsExactly(mit0);
    assertThat(ids(list(null, "GPL-2.0"))).containsExactly(gpl);
    assertThat(ids(list(null, "gpl-2.0+"))).containsExactly(gpl);
    assertThat(list(null, "Classpath-exception-2.0")).isEmpty();
    assertThat(ids(list(BOB, "MIT"))).containsExactly(either);
    assertThat(list(ALICE, "CC-BY-4.0")).isEmpty();
  }

  @Test
  void listRefusesLimitsOutsideOneToAThousand() {
    assertThatThrownBy(() -> list(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> list(1001)).isInstanceOf(IllegalArgumentException.class);
    assertThat(list(1000)).isEmpty();
  }

  /**
   * A diamond with a shortcut: root ← a ← c, root ← b ← c, and root ← c directly; d ← c. Ancestors
   * of d: c at 1, then a, b and root at 2 (root once, at its minimum depth).
   */
  @Test
  void lineageVisitsEachDatasetOnceAtItsMinimumDepthWithEveryEdge() {
    registry.block(1, T0);
    String root = registry.register(ALICE, "root", "MIT");
    String a = registry.register(ALICE, "a", "MIT", root);
    String b = registry.register(ALICE, "b", "MIT", root);
    String c = registry.register(ALICE, "c", "MIT", a, b, root);
    String d = registry.register(ALICE, "d", "MIT", c);

    LineageGraph up = index.lineage(d, LineageDirection.ANCESTORS, 100);

    assertThat(up.root()).isEqualTo(d);
    assertThat(up.nodes())
        .extracting(n -> n.dataset().id(), LineageNode::depth)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(d, 0),
            org.assertj.core.groups.Tuple.tuple(c, 1),
            org.assertj.core.groups.Tuple.tuple(a, 2),
            org.assertj.core.groups.Tuple.tuple(b, 2),
            org.assertj.core.groups.Tuple.tuple(root, 2));
    assertThat(up.nodes().getFirst().dataset().id()).isEqualTo(d);
    assertThat(up.nodes()).extracting(LineageNode::depth).isSorted();
    assertThat(up.edges())
        .containsExactlyInAnyOrder(
            new LineageEdge(c, d),
            new LineageEdge(a, c),
            new LineageEdge(b, c),
            new LineageEdge(root, c),
            new LineageEdge(root, a),
            new LineageEdge(root, b));
    assertThat(up.truncated()).isFalse();

    LineageGraph down = index.lineage(root, LineageDirection.DESCENDANTS, 100);
    assertThat(down.nodes())
        .extracting(n -> n.dataset().id(), LineageNode::depth)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(root, 0),
            org.assertj.core.groups.Tuple.tuple(a, 1),
            org.assertj.core.groups.Tuple.tuple(b, 1),
            org.assertj.core.groups.Tuple.tuple(c, 1),
            org.assertj.core.groups.Tuple.tuple(d, 2));
    assertThat(down.edges()).hasSize(6).contains(new LineageEdge(root, a), new LineageEdge(c, d));
  }

  @Test
  void depthLimitsCutTheWalkAndSayItWasTruncated() {
    registry.block(1, T0);
    List<String> chain = new ArrayList<>();
    chain.add(registry.register(ALICE, "g0", "MIT"));
    for (int i = 1; i <= 5; i++) {
      chain.add(registry.register(ALICE, "g" + i, "MIT", chain.getLast()));
    }
    String leaf = chain.getLast();

    LineageGraph two = index.lineage(leaf, LineageDirection.ANCESTORS, 2);
    assertThat(two.nodes())
        .extracting(n -> n.dataset().id())
        .containsExactly(leaf, chain.get(4), chain.get(3));
    assertThat(two.edges()).hasSize(2);
    assertThat(two.truncated()).isTrue();
    assertThat(two.maxDepth()).isEqualTo(2);

    LineageGraph exact = index.lineage(leaf, LineageDirection.ANCESTORS, 5);
    assertThat(exact.nodes()).hasSize(6);
    assertThat(exact.truncated()).isFalse();

    LineageGraph zero = index.lineage(leaf, LineageDirection.ANCESTORS, 0);
    assertThat(zero.nodes()).hasSize(1);
    assertThat(zero.edges()).isEmpty();
    assertThat(zero.truncated()).isTrue();
    assertThat(index.lineage(leaf, LineageDirection.DESCENDANTS, 3).truncated()).isFalse();
  }

  @Test
  void lineageOfAnUnknownDatasetIsEmpty() {
    LineageGraph graph = index.lineage("0x" + "42".repeat(32), LineageDirection.DESCENDANTS, 10);
    assertThat(graph.nodes()).isEmpty();
    assertThat(graph.edges()).isEmpty();
    assertThat(graph.truncated()).isFalse();
  }

  @Test
  void licenseAtAnswersTheLicenseInForceAtEachTime() {
    registry.block(10, T0 + 100);
    String id = registry.register(ALICE, "d", "CC-BY-NC-4.0");
    registry.block(11, T0 + 200).changeLicense(id, ALICE, "CC-BY-4.0");
    registry.block(12, T0 + 300).deprecate(id, ALICE, "old");
    registry.block(13, T0 + 400);

    assertThat(index.licenseAt(id, T0 + 99)).isEmpty();
    assertThat(index.licenseAt(id, T0 + 100)).contains("CC-BY-NC-4.0");
    assertThat(index.licenseAt(id, T0 + 199)).contains("CC-BY-NC-4.0");
    assertThat(index.licenseAt(id, T0 + 200)).contains("CC-BY-4.0");
    assertThat(index.licenseAt(id, T0 + 10_000)).contains("CC-BY-4.0");
    assertThat(index.licenseAt("0x" + "42".repeat(32), T0)).isEmpty();
    assertThat(index.history(id))
        .extracting(e -> e.at().blockNumber())
        .containsExactly(10L, 11L, 12L);
  }

  private List<DatasetRecord> list(String curator, String license) {
    return index.list(
        Optional.ofNullable(curator), Optional.ofNullable(license), Optional.empty(), 100);
  }

  private List<DatasetRecord> list(int limit) {
    return index.list(Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }
}

package io.assent.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.contracts.dataset.DatasetEvent;
import io.assent.node.chain.ChainLog;
import io.assent.node.consent.DatasetDirectory.Standing;
import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValue;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DatasetIndexerTest {
  static final String ALICE = "0x70997970c51812dc3a010c7d01b50e79d17dc79c";
  static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
  static final long T0 = 1_767_225_600L;

  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final FakeDatasetRegistry registry = new FakeDatasetRegistry(store);
  private final DatasetIndex index = new DatasetIndex(store);

  @Test
  void registrationStoresEveryFieldAndIndexesCuratorLineageAndLicense() {
    registry.block(7, T0);
    String base = registry.register(ALICE, "base", "CC-BY-4.0");
    registry.block(9, T0 + 24);
    String derived = registry.register(ALICE, "derived", "CC-BY-4.0 AND ODbL-1.0", base);

    DatasetRecord record = index.get(derived).orElseThrow();
    assertThat(record.id()).isEqualTo(derived);
    assertThat(record.curator()).isEqualTo(ALICE);
    assertThat(record.name()).isEqualTo("derived");
    assertThat(record.version()).isEqualTo("1");
    assertThat(record.contentDigest()).isEqualTo(FakeDatasetRegistry.DIGEST);
    assertThat(record.metadataDigest()).isEqualTo(FakeDatasetRegistry.DIGEST);
    assertThat(record.metadataUri()).isEqualTo("https://example.org/derived");
    assertThat(record.license()).isEqualTo("CC-BY-4.0 AND ODbL-1.0");
    assertThat(record.parents()).containsExactly(base);
    ChainLog log = FakeDatasetRegistry.log(9, T0 + 24, 0);
    assertThat(record.registered())
        .isEqualTo(new ChainRef(9, log.blockHash(), log.transactionHash(), 0, T0 + 24, ALICE));
    assertThat(record.licenseChanged()).isNull();
    assertThat(record.deprecation()).isNull();

    assertThat(ids(index.list(Optional.of(ALICE), Optional.empty(), Optional.empty(), 10)))
        .containsExactlyInAnyOrder(base, derived);
    assertThat(ids(index.list(Optional.empty(), Optional.of("odbl-1.0"), Optional.empty(), 10)))
        .containsExactly(derived);
    assertThat(index.lineage(derived, LineageDirection.ANCESTORS, 5).edges())
        .containsExactly(new LineageEdge(base, derived));
    assertThat(index.history(derived))
        .containsExactly(
            new DatasetHistoryEntry(
                "registered", record.registered(), "CC-BY-4.0 AND ODbL-1.0", ALICE, null));
  }

  @Test
  void licenseChangeMovesTheLicenseIndexAndKeepsHistory() {
    registry.block(7, T0);
    String id = registry.register(ALICE, "d", "CC-BY-NC-4.0");
    registry.block(8, T0 + 12).changeLicense(id, BOB, "CC-BY-4.0");

    DatasetRecord record = index.get(id).orElseThrow();
    assertThat(record.license()).isEqualTo("CC-BY-4.0");
    assertThat(record.licenseChanged().blockNumber()).isEqualTo(8);
    assertThat(record.licenseChanged().actor()).isEqualTo(BOB);
    assertThat(index.list(Optional.empty(), Optional.of("CC-BY-NC-4.0"), Optional.empty(), 10))
        .isEmpty();
    assertThat(ids(index.list(Optional.empty(), Optional.of("CC-BY-4.0"), Optional.empty(), 10)))
        .containsExactly(id);
    assertThat(index.history(id))
        .extracting(DatasetHistoryEntry::type, DatasetHistoryEntry::license)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("registered", "CC-BY-NC-4.0"),
            org.assertj.core.groups.Tuple.tuple("licenseChanged", "CC-BY-4.0"));
  }

  @Test
  void curatorshipTransferMovesTheCuratorIndex() {
    registry.block(7, T0);
    String id = registry.register(ALICE, "d", "MIT");
    registry.block(8, T0 + 12).transfer(id, ALICE, BOB);

    assertThat(index.get(id).orElseThrow().curator()).isEqualTo(BOB);
    assertThat(index.list(Optional.of(ALICE), Optional.empty(), Optional.empty(), 10)).isEmpty();
    assertThat(ids(index.list(Optional.of(BOB), Optional.empty(), Optional.empty(), 10)))
        .containsExactly(id);
    DatasetHistoryEntry transfer = index.history(id).get(1);
    assertThat(transfer.type()).isEqualTo("curatorChanged");
    assertThat(transfer.curator()).isEqualTo(BOB);
    assertThat(transfer.at().actor()).isEqualTo(ALICE);
  }

  @Test
  void deprecationIsRecordedAndClosesTheDatasetToConsents() {
    RegistryDatasetDirectory directory = new RegistryDatasetDirectory(index);
    registry.block(7, T0);
    String id = registry.register(ALICE, "d", "MIT");
    assertThat(directory.standing(id)).isEqualTo(Standing.OPEN);

    registry.block(8, T0 + 12).deprecate(id, ALICE, "superseded by v2");

    Deprecation deprecation = index.get(id).orElseThrow().deprecation();
    assertThat(deprecation.reason()).isEqualTo("superseded by v2");
    assertThat(deprecation.at().blockNumber()).isEqualTo(8);
    assertThat(index.history(id).get(1).reason()).isEqualTo("superseded by v2");
    assertThat(directory.standing(id)).isEqualTo(Standing.DEPRECATED);
    assertThat(directory.standing("0x" + "00".repeat(32))).isEqualTo(Standing.UNKNOWN);
  }

  @Test
  void theSameLogAppliedTwiceChangesNothing() {
    registry.block(7, T0);
    String id = registry.register(ALICE, "d", "MIT");
    List<String> before = dump();

    DatasetIndexer indexer = new DatasetIndexer(FakeDatasetRegistry.REGISTRY);
    try (Transaction tx = store.startTransaction()) {
      indexer.apply(
          new DatasetEvent.LicenseChanged(id, ALICE, "GPL-3.0-only"),
          FakeDatasetRegistry.log(7, T0, 0),
          tx);
      tx.commit();
    }

    assertThat(dump()).isEqualTo(before);
  }

  @Test
  void eventsTheRegistryCannotEmitAreIgnored() {
    registry.block(7, T0);
    String id = registry.register(ALICE, "d", "MIT");
    List<String> before = dump();
    String unknown = "0x" + "11".repeat(32);

    registry
        .block(8, T0 + 12)
        .apply(
            new DatasetEvent.Registered(
                id,
                BOB,
                BOB,
                "d",
                "1",
                FakeDatasetRegistry.DIGEST,
                FakeDatasetRegistry.DIGEST,
                "",
                "Apache-2.0",
                List.of()))
        .changeLicense(unknown, ALICE, "MIT")
        .deprecate(unknown, ALICE, "x")
        .transfer(unknown, ALICE, BOB);

    assertThat(dump()).isEqualTo(before);
  }

  @Test
  void logsOfOtherContractsAreIgnored() {
    DatasetIndexer indexer = new DatasetIndexer(FakeDatasetRegistry.REGISTRY);
    ChainLog other =
        new ChainLog(
            1,
            "0x" + "01".repeat(32),
            T0,
            "0x" + "02".repeat(32),
            0,
            0,
            "0x" + "99".repeat(20),
            List.of("0x" + "03".repeat(32)),
            "0x");
    try (Transaction tx = store.startTransaction()) {
      indexer.apply(other, tx);
      tx.commit();
    }
    assertThat(dump()).isEmpty();
    assertThat(indexer.addresses()).containsExactly(FakeDatasetRegistry.REGISTRY);
  }

  @Test
  void storedValuesOfAnUnknownFormatVersionAreRefused() {
    registry.block(7, T0);
    String id = registry.register(ALICE, "d", "MIT");
    byte[] key = DatasetKeys.id(id);
    byte[] value = store.get(Segment.DATASETS, key).orElseThrow();
    value[0] = 2;
    try (Transaction tx = store.startTransaction()) {
      tx.put(Segment.DATASETS, key, value);
      tx.commit();
    }
    assertThatThrownBy(() -> index.get(id)).hasMessageContaining("format version 2");
  }

  @Test
  void malformedIdsAreRefusedNotGuessed() {
    assertThatThrownBy(() -> index.get("0x1234")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.get("0x" + "zz".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static List<String> ids(List<DatasetRecord> records) {
    return records.stream().map(DatasetRecord::id).toList();
  }

  /** Every entry of the dataset segments, hex, for before/after comparisons. */
  private List<String> dump() {
    HexFormat hex = HexFormat.of();
    return Stream.of(
            Segment.DATASETS,
            Segment.DATASET_BY_CURATOR,
            Segment.DATASET_LINEAGE,
            Segment.DATASET_HISTORY,
            Segment.DATASET_BY_LICENSE)
        .flatMap(
            segment -> {
              try (Stream<KeyValue> entries = store.stream(segment, new byte[0])) {
                return entries
                    .map(
                        kv ->
                            segment
                                + ":"
                                + hex.formatHex(kv.key())
                                + "="
                                + hex.formatHex(kv.value()))
                    .toList()
                    .stream();
              }
            })
        .toList();
  }
}

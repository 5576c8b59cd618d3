package io.assent.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.IncompatibleDatabaseException;
import io.assent.node.store.KeyValueStore;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexScopeTest {
  private static final String DIDS = "0x" + "aa".repeat(20);
  private static final String ANCHOR = "0x" + "bb".repeat(20);
  private static final String DATASETS = "0x" + "cc".repeat(20);

  private final KeyValueStore store = new InMemoryKeyValueStore();

  private static IndexScope scope(long start, String datasets) {
    Map<String, String> contracts = new HashMap<>();
    contracts.put("didRegistry", DIDS);
    contracts.put("consentAnchor", ANCHOR);
    contracts.put("datasetRegistry", datasets);
    return IndexScope.of(start, contracts);
  }

  @Test
  void aNewDatabaseRecordsTheScopeAndTheSameConfigurationStartsAgain() {
    scope(5, null).requireMatches(store);
    assertThat(IndexScope.stored(store)).contains(scope(5, null));

    scope(5, null).requireMatches(store);
    // Addresses are compared without regard to case, as the chain does.
    IndexScope.of(
            5,
            Map.of("didRegistry", DIDS.toUpperCase().replace("0X", "0x"), "consentAnchor", ANCHOR))
        .requireMatches(store);
  }

  @Test
  void aContractAddedAfterTheSyncIsRefusedWithBothScopesNamedAndNothingChanges() {
    scope(5, null).requireMatches(store);

    assertThatThrownBy(() -> scope(5, DATASETS).requireMatches(store))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining(
            "built from block 5 and consentAnchor " + ANCHOR + ", didRegistry " + DIDS)
        .hasMessageContaining("datasetRegistry " + DATASETS)
        .hasMessageContaining("assent-node reindex");
    assertThat(IndexScope.stored(store)).contains(scope(5, null));
  }

  @Test
  void anotherAddressARemovedContractOrAnotherStartBlockIsAnotherScope() {
    scope(5, DATASETS).requireMatches(store);

    assertThatThrownBy(() -> scope(5, "0x" + "dd".repeat(20)).requireMatches(store))
        .isInstanceOf(IncompatibleDatabaseException.class);
    assertThatThrownBy(() -> scope(5, null).requireMatches(store))
        .isInstanceOf(IncompatibleDatabaseException.class);
    assertThatThrownBy(() -> scope(4, DATASETS).requireMatches(store))
        .isInstanceOf(IncompatibleDatabaseException.class);
    assertThat(IndexScope.stored(store)).contains(scope(5, DATASETS));
  }

  @Test
  void theRecordRoundTrips() {
    IndexScope scope = scope(12_345_678_901L, DATASETS);
    assertThat(IndexScope.decode(scope.encode())).isEqualTo(scope);
    assertThat(IndexScope.decode(IndexScope.of(0, Map.of()).encode()))
        .isEqualTo(IndexScope.of(0, Map.of()));
    assertThatThrownBy(() -> IndexScope.decode("didRegistry".getBytes()))
        .isInstanceOf(IncompatibleDatabaseException.class);
  }
}

package io.assent.node.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.did.DidEvent;
import io.assent.node.chain.ChainLog;
import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IdentityIndexerTest {

  private static final String A = "0x70997970c51812dc3a010c7d01b50e79d17dc79c";
  private static final String B = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
  private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z

  @Test
  void storesEventsUnderIdentityBlockLogIndex() {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    new FakeRegistry(store)
        .block(7, T0)
        .delegate(A, "veriKey", B, T0 + 3600)
        .attribute(A, "did/svc/HubService", new byte[] {1, 2, 3}, T0 + 60)
        .block(9, T0 + 24)
        .changeOwner(A, B);

    List<String> keys =
        entries(store, Segment.DID_EVENTS).stream().map(e -> e.split("=")[0]).toList();
    String a = A.substring(2);
    assertThat(keys)
        .containsExactly(
            a + "0000000000000007" + "00000000",
            a + "0000000000000007" + "00000001",
            a + "0000000000000009" + "00000000");
    assertThat(new IdentityIndex(store).identity(A)).contains(new IdentityRecord(9, 3));
    assertThat(new IdentityIndex(store).identity(B)).isEmpty();
  }

  @Test
  void historyRoundTripsEveryField() {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    FakeRegistry registry =
        new FakeRegistry(store)
            .block(7, T0)
            .delegate(A, "sigAuth", B, T0 + 3600)
            .block(8, T0 + 12)
            .attribute(A, "did/pub/Ed25519/veriKey/base64", new byte[40], 0)
            .changeOwner(A, B);

    List<IndexedDidEvent> history = new IdentityIndex(store).history(A);

    assertThat(history).hasSize(3);
    ChainLog firstLog = registry.logs().get(0);
    IndexedDidEvent first = history.get(0);
    assertThat(first.blockNumber()).isEqualTo(7);
    assertThat(first.logIndex()).isZero();
    assertThat(first.blockTimestamp()).isEqualTo(T0);
    assertThat(first.transactionHash()).isEqualTo(firstLog.transactionHash());
    DidEvent.DelegateChanged delegate = (DidEvent.DelegateChanged) first.event();
    assertThat(delegate.delegateType()).isEqualTo(FakeRegistry.bytes32("sigAuth"));
    assertThat(delegate.delegate()).isEqualTo(B);
    assertThat(delegate.validTo()).isEqualTo(BigInteger.valueOf(T0 + 3600));
    DidEvent.AttributeChanged attribute = (DidEvent.AttributeChanged) history.get(1).event();
    assertThat(attribute.value()).hasSize(40);
    assertThat(attribute.validTo()).isZero();
    assertThat(attribute.previousChange()).isEqualTo(BigInteger.valueOf(7));
    assertThat(history.get(2).event())
        .isEqualTo(new DidEvent.OwnerChanged(A, B, BigInteger.valueOf(8)));
    assertThat(history.get(2).logIndex()).isEqualTo(1);
  }

  @Test
  void ignoresOtherContractsUnknownTopicsAndMalformedLogs() {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    ChainLog log =
        new FakeRegistry(new InMemoryKeyValueStore()).block(3, T0).changeOwner(A, B).logs().get(0);
    IdentityIndexer indexer = new IdentityIndexer(FakeRegistry.ADDRESS);
    List<ChainLog> ignored =
        List.of(
            withAddress(log, "0x0000000000000000000000000000000000000001"),
            withTopics(log, List.of("0x" + "ab".repeat(32), log.topics().get(1))),
            withData(log, "0x1234"));
    try (Transaction tx = store.startTransaction()) {
      ignored.forEach(l -> indexer.apply(l, tx));
      tx.commit();
    }
    assertThat(entries(store, Segment.DID_EVENTS)).isEmpty();
    assertThat(entries(store, Segment.DID_IDENTITIES)).isEmpty();
  }

  @Test
  void applyingTheSameLogTwiceChangesNothing() {
    InMemoryKeyValueStore once = new InMemoryKeyValueStore();
    List<ChainLog> logs =
        new FakeRegistry(once).block(3, T0).changeOwner(A, B).delegate(A, "x", B, 1).logs();
    InMemoryKeyValueStore twice = new InMemoryKeyValueStore();
    IdentityIndexer indexer =
        new IdentityIndexer(FakeRegistry.ADDRESS.toUpperCase().replace("0X", "0x"));
    try (Transaction tx = twice.startTransaction()) {
      logs.forEach(l -> indexer.apply(l, tx));
      logs.forEach(l -> indexer.apply(l, tx));
      tx.commit();
    }
    assertThat(indexer.addresses()).containsExactly(FakeRegistry.ADDRESS);
    assertSameEntries(once, twice, Segment.DID_EVENTS);
    assertSameEntries(once, twice, Segment.DID_IDENTITIES);
  }

  @Test
  void writesOnlyThroughTheTransaction() {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    ChainLog log =
        new FakeRegistry(new InMemoryKeyValueStore()).block(3, T0).changeOwner(A, B).logs().get(0);
    try (Transaction tx = store.startTransaction()) {
      new IdentityIndexer(FakeRegistry.ADDRESS).apply(log, tx);
      assertThat(tx.get(Segment.DID_IDENTITIES, IdentityKeys.identity(A))).isPresent();
      tx.rollback();
    }
    assertThat(entries(store, Segment.DID_EVENTS)).isEmpty();
    assertThat(entries(store, Segment.DID_IDENTITIES)).isEmpty();
  }

  private static void assertSameEntries(KeyValueStore a, KeyValueStore b, Segment segment) {
    assertThat(entries(a, segment)).isNotEmpty().isEqualTo(entries(b, segment));
  }

  /** A segment's entries as "key=value" hex strings, in key order. */
  private static List<String> entries(KeyValueStore store, Segment segment) {
    try (Stream<KeyValue> stream = store.stream(segment, new byte[0])) {
      return stream
          .map(
              kv -> HexFormat.of().formatHex(kv.key()) + "=" + HexFormat.of().formatHex(kv.value()))
          .toList();
    }
  }

  private static ChainLog withAddress(ChainLog l, String address) {
    return new ChainLog(
        l.blockNumber(),
        l.blockHash(),
        l.blockTimestamp(),
        l.transactionHash(),
        l.transactionIndex(),
        l.logIndex(),
        address,
        l.topics(),
        l.data());
  }

  private static ChainLog withTopics(ChainLog l, List<String> topics) {
    return new ChainLog(
        l.blockNumber(),
        l.blockHash(),
        l.blockTimestamp(),
        l.transactionHash(),
        l.transactionIndex(),
        l.logIndex(),
        l.address(),
        topics,
        l.data());
  }

  private static ChainLog withData(ChainLog l, String data) {
    return new ChainLog(
        l.blockNumber(),
        l.blockHash(),
        l.blockTimestamp(),
        l.transactionHash(),
        l.transactionIndex(),
        l.logIndex(),
        l.address(),
        l.topics(),
        data);
  }
}

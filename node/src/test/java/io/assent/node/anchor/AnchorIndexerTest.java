package io.assent.node.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.chain.ChainLog;
import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class AnchorIndexerTest {
  private final KeyValueStore store = new InMemoryKeyValueStore();
  private final AnchorIndexer indexer = new AnchorIndexer(AnchorLogs.CONTRACT.toUpperCase());

  @Test
  void indexesTheRootAndEachWithdrawnId() {
    byte[] root = bytes32(1);
    apply(AnchorLogs.anchored(7, 2, tx(1), root, 5, List.of(bytes32(10), bytes32(11))));

    assertThat(AnchorProofs.root(store, root))
        .contains(new AnchoredRoot(7, AnchorLogs.blockHash(7), tx(1), 2, 5, AnchorLogs.SUBMITTER));
    AnchoredWithdrawal expected = new AnchoredWithdrawal(7, tx(1), Numeric.toHexString(root));
    assertThat(AnchorProofs.withdrawal(store, bytes32(10))).contains(expected);
    assertThat(AnchorProofs.withdrawal(store, bytes32(11))).contains(expected);
    assertThat(AnchorProofs.withdrawal(store, bytes32(12))).isEmpty();
  }

  @Test
  void theFirstAnchoringWinsForRootsAndWithdrawals() {
    apply(AnchorLogs.anchored(7, 0, tx(1), bytes32(1), 5, List.of(bytes32(10))));
    apply(AnchorLogs.anchored(9, 0, tx(2), bytes32(1), 5, List.of()));
    apply(AnchorLogs.anchored(9, 1, tx(3), bytes32(2), 0, List.of(bytes32(10))));

    assertThat(AnchorProofs.root(store, bytes32(1)).orElseThrow().txHash()).isEqualTo(tx(1));
    assertThat(AnchorProofs.root(store, bytes32(2)).orElseThrow().count()).isZero();
    assertThat(AnchorProofs.withdrawal(store, bytes32(10)).orElseThrow().txHash()).isEqualTo(tx(1));
  }

  @Test
  void ignoresOtherContractsOtherEventsAndMalformedLogs() {
    ChainLog good = AnchorLogs.anchored(7, 0, tx(1), bytes32(1), 1, List.of(bytes32(10)));
    apply(withAddress(good, "0x00000000000000000000000000000000000000ff"));
    apply(withTopics(good, List.of(tx(9), good.topics().get(1), good.topics().get(2))));
    apply(withData(good, good.data().substring(0, good.data().length() - 64)));
    apply(withData(good, "0x"));

    assertThat(store.stream(io.assent.node.store.Segment.ANCHOR_ROOTS, new byte[0])).isEmpty();
    assertThat(store.stream(io.assent.node.store.Segment.ANCHOR_WITHDRAWN, new byte[0])).isEmpty();
  }

  private void apply(ChainLog log) {
    try (Transaction tx = store.startTransaction()) {
      indexer.apply(log, tx);
      tx.commit();
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

  static byte[] bytes32(int n) {
    byte[] out = new byte[32];
    out[30] = (byte) (n >> 8);
    out[31] = (byte) n;
    out[0] = (byte) 0xc0;
    return out;
  }

  static String tx(int n) {
    return "0x%064x".formatted(n);
  }
}

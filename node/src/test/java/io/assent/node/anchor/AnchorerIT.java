package io.assent.node.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.consent.AnchoredEvent;
import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.consent.MerkleTree;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.chain.ChainFollower;
import io.assent.node.chain.FollowerConfig;
import io.assent.node.chain.SyncStep;
import io.assent.node.relay.RelayerTransactions;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.node.store.Transaction;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/**
 * The anchorer against a real dev chain (anvil), RocksDB and the real follower: queued leaves get
 * anchored and their proofs verify against the root on chain; a reorg that drops the anchor gets
 * the same batch anchored again, once.
 */
class AnchorerIT {
  private static final int BATCH = 5;

  @TempDir Path dir;
  private Anvil anvil;
  private ConsentAnchorClient contract;
  private long startBlock;
  private KeyValueStore store;
  private ChainFollower follower;
  private Anchorer anchorer;
  private int leafCounter;

  @BeforeEach
  void start() {
    anvil = Anvil.start();
    contract =
        ConsentAnchorClient.deploy(
            anvil.web3j(),
            anvil.transactionManager(Anvil.devCredentials(0)),
            new DefaultGasProvider());
    startBlock = contract.deploymentReceipt().orElseThrow().getBlockNumber().longValueExact();
    anvil.mine(5); // so that the reorgs below never reach the deployment
    store = RocksDbKeyValueStore.open(dir.resolve("node"));
    follower = follower(store);
    RelayerTransactions relayer =
        new RelayerTransactions(anvil.web3j(), Anvil.devCredentials(1), Anvil.CHAIN_ID);
    ConsentAnchorClient client =
        ConsentAnchorClient.load(
            contract.address(), anvil.web3j(), relayer, new DefaultGasProvider());
    AnchorerConfig config = AnchorerConfig.defaults().withBatchSize(BATCH).withResendAfterBlocks(2);
    anchorer =
        new Anchorer(store, new Web3jAnchorChain(anvil.web3j(), client), config, Clock.systemUTC());
    anchorer.follow(follower); // as the node wires them
  }

  @AfterEach
  void stop() {
    anchorer.close();
    follower.close();
    store.close();
    anvil.close();
  }

  private ChainFollower follower(KeyValueStore s) {
    return new ChainFollower(
        anvil.web3j(),
        s,
        List.of(new AnchorIndexer(contract.address())),
        FollowerConfig.defaults().withStartBlock(startBlock));
  }

  @Test
  void queuedLeavesAreAnchoredAndTheirProofsVerifyAgainstTheRootOnChain() throws Exception {
    List<byte[]> leaves = enqueueLeaves(BATCH);

    anchorer.runOnce(); // closes the batch and sends it (automine: mined at once)
    syncToTip(follower);
    anchorer.runOnce(); // the index has the root: proofs stored

    List<AnchoredEvent> onChain = anchoredLogs();
    assertThat(onChain).singleElement().satisfies(e -> assertThat(e.count()).isEqualTo(BATCH));
    byte[] root = Numeric.hexStringToByteArray(onChain.get(0).root());
    for (int i = 0; i < leaves.size(); i++) {
      LeafAnchor anchor =
          AnchorProofs.leafAnchor(store, leaves.get(i), ProofPlace.BY_LEAF).orElseThrow();
      assertThat(anchor.index()).isEqualTo(i);
      assertThat(MerkleTree.verify(leaves.get(i), anchor.proof(), root)).isTrue();
      assertThat(anchor.blockHash()).isEqualTo(blockHash(anchor.blockNumber()));
    }
    assertThat(anchorer.status().pendingBatches()).isZero();
    assertThat(anchorer.status().queuedLeaves()).isZero();
  }

  @Test
  void aReorgDroppingTheAnchorGetsTheSameRootAnchoredAgainExactlyOnce() throws Exception {
    List<byte[]> leaves = enqueueLeaves(BATCH);
    anchorer.runOnce();
    anvil.mine(1);
    syncToTip(follower);
    anchorer.runOnce();
    LeafAnchor first =
        AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF).orElseThrow();

    anvil.reorg(3); // replaces the anchor's block (and the one after) with empty blocks
    syncToTip(follower);
    assertThat(AnchorProofs.root(store, Numeric.hexStringToByteArray(first.root()))).isEmpty();
    anchorer.runOnce();
    assertThat(AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF)).isEmpty();
    assertThat(anchorer.status().pendingBatches()).isEqualTo(1);

    anvil.mine(2); // the resend window passes with the transaction gone
    anchorer.runOnce(); // re-sent
    syncToTip(follower);
    anchorer.runOnce(); // confirmed again
    anchorer.runOnce(); // nothing more to send

    LeafAnchor again =
        AnchorProofs.leafAnchor(store, leaves.get(0), ProofPlace.BY_LEAF).orElseThrow();
    assertThat(again.root()).isEqualTo(first.root());
    assertThat(again.blockHash()).isNotEqualTo(first.blockHash()); // mined anew after the reorg
    assertThat(anchoredLogs())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.root()).isEqualTo(first.root());
              assertThat(e.count()).isEqualTo(BATCH);
            });
    for (byte[] leaf : leaves) {
      LeafAnchor anchor = AnchorProofs.leafAnchor(store, leaf, ProofPlace.BY_LEAF).orElseThrow();
      assertThat(
              MerkleTree.verify(leaf, anchor.proof(), Numeric.hexStringToByteArray(again.root())))
          .isTrue();
    }
    assertThat(follower.status().indexDigest()).isEqualTo(freshNodeDigest());
  }

  private String freshNodeDigest() {
    try (KeyValueStore fresh = RocksDbKeyValueStore.open(dir.resolve("fresh"));
        ChainFollower other = follower(fresh)) {
      syncToTip(other);
      assertThat(other.status().syncedBlock()).isEqualTo(follower.status().syncedBlock());
      return other.status().indexDigest();
    }
  }

  private List<byte[]> enqueueLeaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    try (Transaction tx = store.startTransaction()) {
      for (int i = 0; i < n; i++) {
        byte[] leaf = Hash.sha3(Numeric.toBytesPadded(BigInteger.valueOf(++leafCounter), 32));
        AnchorQueueKeys.enqueueLeaf(tx, leaf);
        leaves.add(leaf);
      }
      tx.commit();
    }
    return leaves;
  }

  /** Every Anchored log of the contract on the current chain. */
  private List<AnchoredEvent> anchoredLogs() throws Exception {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(startBlock)),
            DefaultBlockParameterName.LATEST,
            contract.address());
    filter.addSingleTopic(ConsentAnchorClient.ANCHORED_TOPIC);
    List<AnchoredEvent> events = new ArrayList<>();
    for (EthLog.LogResult<?> result : anvil.web3j().ethGetLogs(filter).send().getLogs()) {
      Log log = (Log) result.get();
      Optional<AnchoredEvent> event =
          ConsentAnchorClient.decodeAnchored(log.getTopics(), log.getData());
      events.add(event.orElseThrow());
    }
    return events;
  }

  private String blockHash(long number) throws Exception {
    return anvil
        .web3j()
        .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
        .send()
        .getBlock()
        .getHash();
  }

  private static void syncToTip(ChainFollower follower) {
    for (int i = 0; i < 1_000; i++) {
      SyncStep step = follower.syncOnce();
      if (step instanceof SyncStep.UpToDate) {
        return;
      }
      if (step instanceof SyncStep.Failed failed) {
        throw new AssertionError("sync failed: " + failed.error());
      }
    }
    throw new AssertionError("not up to date after 1,000 steps");
  }
}

package io.assent.node.anchor;

import io.assent.contracts.consent.AnchoredEvent;
import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.node.chain.ChainLog;
import io.assent.node.chain.LogHandler;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.web3j.utils.Numeric;

/**
 * Indexes ConsentAnchor's {@code Anchored} logs: {@code ANCHOR_ROOTS[root]} and, for each withdrawn
 * id, {@code ANCHOR_WITHDRAWN[id]}. The first anchoring on the canonical chain wins (a root or id
 * anchored again later keeps its first entry), so the index depends only on the chain. Logs of
 * other contracts and malformed logs are ignored. Writes go through the follower's transaction,
 * which records undo entries: a reorg removes them.
 */
public final class AnchorIndexer implements LogHandler {

  private final String anchorContract;

  /**
   * @param anchorContract the ConsentAnchor contract address
   */
  public AnchorIndexer(String anchorContract) {
    this.anchorContract = anchorContract.toLowerCase(Locale.ROOT);
  }

  @Override
  public Set<String> addresses() {
    return Set.of(anchorContract);
  }

  @Override
  public void apply(ChainLog log, Transaction tx) {
    if (!anchorContract.equals(log.address().toLowerCase(Locale.ROOT))) {
      return;
    }
    Optional<AnchoredEvent> decoded = ConsentAnchorClient.decodeAnchored(log.topics(), log.data());
    if (decoded.isEmpty()) {
      return;
    }
    AnchoredEvent event = decoded.get();
    String txHash = log.transactionHash().toLowerCase(Locale.ROOT);
    byte[] rootKey = Numeric.hexStringToByteArray(event.root());
    if (tx.get(Segment.ANCHOR_ROOTS, rootKey).isEmpty()) {
      AnchoredRoot root =
          new AnchoredRoot(
              log.blockNumber(),
              log.blockHash().toLowerCase(Locale.ROOT),
              txHash,
              log.logIndex(),
              event.count(),
              event.submitter());
      tx.put(Segment.ANCHOR_ROOTS, rootKey, root.encode());
    }
    for (String idHex : event.withdrawn()) {
      byte[] id = Numeric.hexStringToByteArray(idHex);
      if (tx.get(Segment.ANCHOR_WITHDRAWN, id).isEmpty()) {
        tx.put(
            Segment.ANCHOR_WITHDRAWN,
            id,
            new AnchoredWithdrawal(log.blockNumber(), txHash, event.root()).encode());
      }
    }
  }
}

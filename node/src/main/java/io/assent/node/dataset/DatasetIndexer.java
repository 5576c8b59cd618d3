package io.assent.node.dataset;

import io.assent.contracts.dataset.DatasetEvent;
import io.assent.contracts.dataset.DatasetRegistryEvents;
import io.assent.node.chain.ChainLog;
import io.assent.node.chain.LogHandler;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Indexes the dataset registry's events into the public-plane dataset segments (layout in {@link
 * DatasetKeys}, values in {@link DatasetCodec}): the record by id, by curator, lineage edges both
 * ways, the history, and the current license's ids. The chain follower calls it in chain order
 * through its transaction, which records undo entries: a reorg removes what a dropped log wrote.
 *
 * <p>Deterministic, and idempotent per log: a log whose history key is already stored changes
 * nothing. Logs of other contracts, unknown topics and malformed logs are ignored, and so are
 * events the registry cannot emit (a second registration of an id, a change to an unknown id): the
 * index then stays what the chain's valid history made it.
 */
public final class DatasetIndexer implements LogHandler {

  private final String registry;

  /**
   * @param registry the DatasetRegistry contract address
   */
  public DatasetIndexer(String registry) {
    this.registry = registry.toLowerCase(Locale.ROOT);
  }

  @Override
  public Set<String> addresses() {
    return Set.of(registry);
  }

  @Override
  public void apply(ChainLog log, Transaction tx) {
    if (!registry.equals(log.address().toLowerCase(Locale.ROOT))) {
      return;
    }
    DatasetRegistryEvents.decode(log.topics(), log.data())
        .ifPresent(event -> apply(event, log, tx));
  }

  /**
   * Applies one decoded event; {@code log} supplies its position (block, hash, transaction, log
   * index, timestamp). Topics and data of {@code log} are not read.
   */
  void apply(DatasetEvent event, ChainLog log, Transaction tx) {
    byte[] historyKey = DatasetKeys.history(event.id(), log.blockNumber(), log.logIndex());
    if (tx.get(Segment.DATASET_HISTORY, historyKey).isPresent()) {
      return;
    }
    ChainRef at =
        new ChainRef(
            log.blockNumber(),
            lower(log.blockHash()),
            lower(log.transactionHash()),
            log.logIndex(),
            log.blockTimestamp(),
            lower(event.actor()));
    byte[] idKey = DatasetKeys.id(event.id());
    Optional<DatasetRecord> current =
        tx.get(Segment.DATASETS, idKey).map(DatasetCodec::decodeRecord);
    DatasetWrites writes = new DatasetWrites(tx);
    DatasetHistoryEntry entry =
        switch (event) {
          case DatasetEvent.Registered r when current.isEmpty() -> writes.register(r, at);
          case DatasetEvent.LicenseChanged c when current.isPresent() ->
              writes.changeLicense(current.get(), c.license(), at);
          case DatasetEvent.Deprecated d when current.isPresent() ->
              writes.deprecate(current.get(), d.reason(), at);
          case DatasetEvent.CuratorChanged c when current.isPresent() ->
              writes.changeCurator(current.get(), lower(c.curator()), at);
          default -> null;
        };
    if (entry != null) {
      tx.put(Segment.DATASET_HISTORY, historyKey, DatasetCodec.encode(entry));
    }
  }

  private static String lower(String hex) {
    return hex.toLowerCase(Locale.ROOT);
  }
}

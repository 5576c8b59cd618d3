package io.assent.node.chain;

import io.assent.node.store.KeyValueStore;
import io.assent.node.store.StorageException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.web3j.protocol.Web3j;

/**
 * Follows the chain into the index: reads the logs of the handlers' contracts up to head - K, in
 * ranges, and applies each range in one transaction with its cursor, block hashes and undo records
 * (see {@link RangeApplier}); on a reorg, rolls back to the common ancestor first (see {@link
 * ReorgRollback}). Everything it needs to resume is in the store, written atomically with the
 * index, so it restarts from the stored cursor after a clean stop or a crash alike.
 *
 * <p>{@link #syncOnce()} does one step, for tests and for the loop that {@link #start()} runs on
 * its own thread. {@link #status()} is safe to call from any thread.
 */
public final class ChainFollower implements AutoCloseable {

  private final KeyValueStore store;
  private final ChainSource source;
  private final FollowerConfig config;
  private final BlockRangeReader reader;
  private final RangeApplier applier;
  private final ReorgRollback rollback;
  private final Set<String> addresses;
  private final SyncStatusTracker tracker;
  private final SyncLoop loop;
  private int blockRange;

  public ChainFollower(
      Web3j web3j, KeyValueStore store, List<LogHandler> handlers, FollowerConfig config) {
    this(new Web3jChainSource(web3j), store, handlers, config);
  }

  ChainFollower(
      ChainSource source, KeyValueStore store, List<LogHandler> handlers, FollowerConfig config) {
    this.store = store;
    this.source = source;
    this.config = config;
    UndoLog undoLog = new UndoLog();
    RecentBlocks recentBlocks = new RecentBlocks();
    this.reader = new BlockRangeReader(source);
    this.applier =
        new RangeApplier(
            store, List.copyOf(handlers), undoLog, recentBlocks, config.retentionBlocks());
    this.rollback = new ReorgRollback(store, source, undoLog, recentBlocks, config.startBlock());
    this.addresses = applier.addresses();
    this.tracker = new SyncStatusTracker(cursor());
    this.loop = new SyncLoop(this::syncOnce, config.pollInterval(), config.maxBackoff());
    this.blockRange = config.maxBlockRange();
  }

  /**
   * One step: roll back a reorg, or apply the next range, or find nothing to do. Changes nothing
   * when it fails. Throws {@link DeepReorgException} (and keeps throwing it) after a reorg deeper
   * than the retention window.
   */
  public synchronized SyncStep syncOnce() {
    if (tracker.current().halted()) {
      throw new DeepReorgException(tracker.current().lastError());
    }
    try {
      SyncStep step = step();
      if (step instanceof SyncStep.ChainMoved moved) {
        tracker.failed(true, moved.reason());
      }
      return step;
    } catch (JsonRpcErrorException e) {
      blockRange = Math.max(1, blockRange / 2); // e.g. "too many results": ask for less
      return failed(true, e.getMessage());
    } catch (IOException e) {
      return failed(false, "JSON-RPC endpoint unreachable: " + e);
    } catch (LogHandlerException | StorageException e) {
      return failed(true, e.getMessage());
    } catch (DeepReorgException e) {
      tracker.halted(e.getMessage());
      throw e;
    }
  }

  private SyncStep step() throws IOException {
    SyncCursor cursor = cursor();
    long head = source.headNumber();
    tracker.headSeen(head);
    long to = Math.min(cursor.blockNumber() + blockRange, head - config.confirmations());
    List<Long> wanted = new ArrayList<>(2);
    if (!cursor.isInitial()) {
      wanted.add(cursor.blockNumber());
    }
    if (to > cursor.blockNumber()) {
      wanted.add(to);
    }
    Map<Long, BlockHeader> headers = source.headers(wanted);
    if (!cursor.isInitial()) {
      BlockHeader synced = headers.get(cursor.blockNumber());
      if (synced == null && head >= cursor.blockNumber()) {
        // e.g. load-balanced endpoints at different heights: not evidence of a reorg
        return new SyncStep.ChainMoved(
            "the endpoint's head is " + head + " but it has no block " + cursor.blockNumber());
      }
      if (synced == null || !synced.hash().equals(Hex.normalize(cursor.blockHash()))) {
        SyncStep.RolledBack rolledBack = rollback.rollBack(cursor);
        tracker.committed(cursor());
        return rolledBack;
      }
    }
    if (to <= cursor.blockNumber()) {
      tracker.failed(true, null);
      return new SyncStep.UpToDate(cursor.blockNumber(), head);
    }
    BlockHeader end = headers.get(to);
    if (end == null) {
      return new SyncStep.ChainMoved("block " + to + " is gone (the chain got shorter)");
    }
    return apply(cursor, end, head);
  }

  private SyncStep apply(SyncCursor cursor, BlockHeader end, long head) throws IOException {
    BlockRange range;
    try {
      range = reader.read(cursor, end, addresses);
    } catch (ChainMovedException e) {
      return new SyncStep.ChainMoved(e.getMessage());
    }
    SyncCursor applied = applier.apply(cursor, range);
    blockRange = (int) Math.min(config.maxBlockRange(), 2L * blockRange);
    tracker.committed(applied);
    return new SyncStep.Applied(range.from(), range.to(), range.logs().size(), head);
  }

  private SyncStep.Failed failed(boolean reachable, String error) {
    tracker.failed(reachable, error);
    return new SyncStep.Failed(error, reachable);
  }

  /** The stored cursor (the initial one before anything is applied). */
  public SyncCursor cursor() {
    return SyncCursor.load(store, config.startBlock());
  }

  /** Starts syncing on the follower's own thread, until {@link #close()}. */
  public void start() {
    loop.start();
  }

  public SyncStatus status() {
    return tracker.current();
  }

  /**
   * Waits until the synced block is at least {@code block}; false on timeout. A rollback can move
   * the synced block down again afterwards.
   */
  public boolean awaitSynced(long block, Duration timeout) throws InterruptedException {
    return tracker.awaitSynced(block, timeout);
  }

  /**
   * Calls {@code listener} with the synced block number after every commit (a range applied or a
   * reorg rolled back), on the follower's thread, in order. Keep it quick.
   */
  public void onApplied(LongConsumer listener) {
    tracker.addListener(listener);
  }

  /** Stops the loop, waiting for a step in progress. Does not close the store or web3j. */
  @Override
  public void close() {
    loop.stop();
  }
}

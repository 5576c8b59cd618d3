package io.assent.node.chain;

import java.time.Duration;

/**
 * How the chain follower runs.
 *
 * @param startBlock the first block to read when the database is new (the registry's deployment
 *     block); ignored once a cursor is stored
 * @param confirmations K: apply only blocks at or below head - K (0 follows the head itself; reorgs
 *     are rolled back either way)
 * @param maxBlockRange the most blocks read and applied in one step (one eth_getLogs, one commit)
 * @param pollInterval the wait between polls once synced
 * @param maxBackoff the longest wait between retries while the JSON-RPC endpoint fails
 * @param retentionBlocks how far back block hashes and undo records are kept: the deepest reorg the
 *     follower can roll back. A deeper one halts the follower: the index must be rebuilt
 */
public record FollowerConfig(
    long startBlock,
    int confirmations,
    int maxBlockRange,
    Duration pollInterval,
    Duration maxBackoff,
    long retentionBlocks) {

  public static final int DEFAULT_MAX_BLOCK_RANGE = 2_000;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
  public static final long DEFAULT_RETENTION_BLOCKS = 10_000;

  public FollowerConfig {
    require(startBlock >= 0, "startBlock must be >= 0");
    require(confirmations >= 0, "confirmations must be >= 0");
    require(maxBlockRange >= 1, "maxBlockRange must be >= 1");
    require(positive(pollInterval), "pollInterval must be positive");
    require(positive(maxBackoff), "maxBackoff must be positive");
    require(retentionBlocks >= 1, "retentionBlocks must be >= 1");
  }

  /** From block 0, no confirmations, 2,000-block ranges, 1 s polls, 10,000 blocks of undo. */
  public static FollowerConfig defaults() {
    return new FollowerConfig(
        0,
        0,
        DEFAULT_MAX_BLOCK_RANGE,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_MAX_BACKOFF,
        DEFAULT_RETENTION_BLOCKS);
  }

  public FollowerConfig withStartBlock(long block) {
    return new FollowerConfig(
        block, confirmations, maxBlockRange, pollInterval, maxBackoff, retentionBlocks);
  }

  public FollowerConfig withConfirmations(int k) {
    return new FollowerConfig(
        startBlock, k, maxBlockRange, pollInterval, maxBackoff, retentionBlocks);
  }

  public FollowerConfig withMaxBlockRange(int blocks) {
    return new FollowerConfig(
        startBlock, confirmations, blocks, pollInterval, maxBackoff, retentionBlocks);
  }

  public FollowerConfig withPollInterval(Duration interval) {
    return new FollowerConfig(
        startBlock, confirmations, maxBlockRange, interval, maxBackoff, retentionBlocks);
  }

  public FollowerConfig withMaxBackoff(Duration backoff) {
    return new FollowerConfig(
        startBlock, confirmations, maxBlockRange, pollInterval, backoff, retentionBlocks);
  }

  public FollowerConfig withRetentionBlocks(long blocks) {
    return new FollowerConfig(
        startBlock, confirmations, maxBlockRange, pollInterval, maxBackoff, blocks);
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}

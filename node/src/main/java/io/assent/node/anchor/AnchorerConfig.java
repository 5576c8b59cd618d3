package io.assent.node.anchor;

import java.time.Duration;

/**
 * @param batchSize N: a batch closes once this many leaves and withdrawals are queued
 * @param maxWait T: ... or once the oldest queued entry has waited this long (measured from when
 *     this process first saw the queue non-empty: after a restart, at most T more)
 * @param confirmations K, the follower's: a batch is confirmed when the index (at head - K) has it
 * @param resendAfterBlocks a sent anchor transaction that is neither mined nor pending this many
 *     blocks after it was sent is sent again (same batch, same root)
 * @param pollInterval how often the loop looks at the queue
 * @param maxBackoff the longest pause between attempts while the chain RPC fails
 * @param pruneAfterBlocks confirmed batches anchored deeper than this below the head are deleted (a
 *     reorg that deep halts the follower anyway)
 */
public record AnchorerConfig(
    int batchSize,
    Duration maxWait,
    int confirmations,
    int resendAfterBlocks,
    Duration pollInterval,
    Duration maxBackoff,
    int pruneAfterBlocks) {

  public AnchorerConfig {
    if (batchSize < 1 || batchSize > 65_536) {
      throw new IllegalArgumentException("batchSize must be in 1..65536");
    }
    if (maxWait.isNegative() || resendAfterBlocks < 1 || confirmations < 0) {
      throw new IllegalArgumentException("bad anchorer config");
    }
  }

  public static AnchorerConfig defaults() {
    return new AnchorerConfig(
        1_000,
        Duration.ofSeconds(10),
        0,
        20,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        10_000);
  }

  public AnchorerConfig withBatchSize(int n) {
    return new AnchorerConfig(
        n, maxWait, confirmations, resendAfterBlocks, pollInterval, maxBackoff, pruneAfterBlocks);
  }

  public AnchorerConfig withMaxWait(Duration t) {
    return new AnchorerConfig(
        batchSize, t, confirmations, resendAfterBlocks, pollInterval, maxBackoff, pruneAfterBlocks);
  }

  public AnchorerConfig withConfirmations(int k) {
    return new AnchorerConfig(
        batchSize, maxWait, k, resendAfterBlocks, pollInterval, maxBackoff, pruneAfterBlocks);
  }

  public AnchorerConfig withResendAfterBlocks(int blocks) {
    return new AnchorerConfig(
        batchSize, maxWait, confirmations, blocks, pollInterval, maxBackoff, pruneAfterBlocks);
  }

  public AnchorerConfig withPruneAfterBlocks(int blocks) {
    return new AnchorerConfig(
        batchSize, maxWait, confirmations, resendAfterBlocks, pollInterval, maxBackoff, blocks);
  }

  public AnchorerConfig withPollInterval(Duration interval) {
    return new AnchorerConfig(
        batchSize,
        maxWait,
        confirmations,
        resendAfterBlocks,
        interval,
        maxBackoff,
        pruneAfterBlocks);
  }
}

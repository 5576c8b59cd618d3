package io.assent.node.chain;

import io.assent.node.store.Transaction;
import java.util.Set;

/**
 * Applies the logs of some contracts to the index. The chain follower calls it in chain order
 * (block number, then log index), inside the one transaction that also advances the follower's
 * cursor, and records an undo entry for every write so a reorg can roll it back. A handler must
 * therefore write only through the given transaction, and be deterministic: the same logs applied
 * to the same state give the same writes.
 */
public interface LogHandler {

  /** The contract addresses whose logs this handler wants (lower-case 0x-hex). */
  Set<String> addresses();

  /**
   * Applies one log. Logs this handler does not understand (unknown topic) are ignored, not an
   * error.
   */
  void apply(ChainLog log, Transaction tx);
}

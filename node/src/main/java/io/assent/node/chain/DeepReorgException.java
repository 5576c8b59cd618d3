package io.assent.node.chain;

/**
 * A reorg replaced every block the follower still remembers: deeper than its retention window, it
 * cannot be rolled back. Fatal: the follower halts, and the index must be rebuilt from scratch
 * (stop the node, move the data directory away, sync again).
 */
public final class DeepReorgException extends IllegalStateException {

  DeepReorgException(String message) {
    super(message);
  }
}

package io.assent.node.chain;

/** The chain changed (a reorg) while a range was being read: the reads are not consistent. */
final class ChainMovedException extends Exception {

  ChainMovedException(String message) {
    super(message);
  }
}

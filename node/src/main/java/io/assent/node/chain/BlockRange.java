package io.assent.node.chain;

import java.util.List;

/**
 * Blocks {@code from..to} (inclusive) as read from one consistent view of the chain: the hash of
 * block {@code to} and the logs of the followed contracts, in chain order, with timestamps.
 */
record BlockRange(long from, long to, String endHash, List<ChainLog> logs) {}

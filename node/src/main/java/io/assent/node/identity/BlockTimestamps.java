package io.assent.node.identity;

import java.util.OptionalLong;

/**
 * Timestamps of canonical blocks, for {@code versionId} queries: the reference evaluates validity
 * at the requested block's time, which need not be a block with a DID event. Implemented by the
 * node from its block store or JSON-RPC; the resolver asks only for {@code versionId} queries.
 */
@FunctionalInterface
public interface BlockTimestamps {

  /** Seconds since the epoch of canonical block {@code number}; empty if not known (yet). */
  OptionalLong secondsOf(long number);
}

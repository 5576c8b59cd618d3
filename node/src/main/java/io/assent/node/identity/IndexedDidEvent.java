package io.assent.node.identity;

import io.assent.contracts.did.DidEvent;

/**
 * A registry event as the index stores it: the decoded event and where and when it happened.
 *
 * @param blockTimestamp seconds since the epoch
 * @param transactionHash 0x-hex, 32 bytes
 */
public record IndexedDidEvent(
    long blockNumber, int logIndex, long blockTimestamp, String transactionHash, DidEvent event) {}

package io.assent.node.chain;

import java.util.List;

/**
 * One contract log from the canonical chain, with the block it was mined in. Plain data, so that
 * log handlers need no JSON-RPC types.
 *
 * @param address the emitting contract, lower-case 0x-hex
 * @param topics topic 0 (the event signature hash) first, each 0x-hex
 * @param data the non-indexed data, 0x-hex
 * @param blockTimestamp seconds since the epoch
 */
public record ChainLog(
    long blockNumber,
    String blockHash,
    long blockTimestamp,
    String transactionHash,
    int transactionIndex,
    int logIndex,
    String address,
    List<String> topics,
    String data) {}

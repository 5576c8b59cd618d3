package io.assent.node.chain;

import java.util.List;

/** A log as eth_getLogs returns it: a {@link ChainLog} without its block's timestamp. */
record RawLog(
    long blockNumber,
    String blockHash,
    String transactionHash,
    int transactionIndex,
    int logIndex,
    String address,
    List<String> topics,
    String data) {

  ChainLog withTimestamp(long blockTimestamp) {
    return new ChainLog(
        blockNumber,
        blockHash,
        blockTimestamp,
        transactionHash,
        transactionIndex,
        logIndex,
        address,
        topics,
        data);
  }
}

package io.assent.node.dataset;

/**
 * Where a dataset registry event is on the chain, and who acted.
 *
 * @param blockHash lower-case 0x-hex
 * @param txHash the emitting transaction, lower-case 0x-hex
 * @param timestamp the block's timestamp, seconds since the epoch
 * @param actor the account whose authority made the change (the sender, or the signer of a relayed
 *     operation), lower-case 0x-hex
 */
public record ChainRef(
    long blockNumber,
    String blockHash,
    String txHash,
    int logIndex,
    long timestamp,
    String actor) {}

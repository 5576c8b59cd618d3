package io.assent.node;

import io.assent.node.identity.BlockTimestamps;
import java.io.IOException;
import java.math.BigInteger;
import java.util.OptionalLong;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Timestamps of blocks that carry no DID event, asked of the chain: only {@code versionId}
 * resolutions at such a block need one (the index stores the time of every block with an event).
 * Not cached, so a reorg can never leave a stale time behind.
 */
final class RpcBlockTimestamps implements BlockTimestamps {
  private final Web3j web3j;

  RpcBlockTimestamps(Web3j web3j) {
    this.web3j = web3j;
  }

  @Override
  public OptionalLong secondsOf(long number) {
    try {
      EthBlock.Block block =
          web3j
              .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
              .send()
              .getBlock();
      return block == null
          ? OptionalLong.empty()
          : OptionalLong.of(block.getTimestamp().longValueExact());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}

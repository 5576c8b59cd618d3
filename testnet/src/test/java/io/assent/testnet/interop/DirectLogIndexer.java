package io.assent.testnet.interop;

import io.assent.node.chain.ChainLog;
import io.assent.node.chain.LogHandler;
import io.assent.node.identity.BlockTimestamps;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * A stand-in for the chain follower in interop tests: one {@code eth_getLogs} over the whole chain
 * for a handler's contracts, applied in chain order in one transaction. No confirmations, no reorg
 * handling: only for a quiet dev chain.
 */
final class DirectLogIndexer {

  private final Web3j web3j;
  private final Map<Long, Long> timestamps = new HashMap<>();

  DirectLogIndexer(Web3j web3j) {
    this.web3j = web3j;
  }

  /** Applies every log of the handler's contracts up to the latest block; returns how many. */
  int indexAll(LogHandler handler, KeyValueStore store) {
    List<ChainLog> logs = new ArrayList<>();
    for (String address : handler.addresses()) {
      EthFilter filter =
          new EthFilter(
              DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, address);
      try {
        for (EthLog.LogResult<?> result : web3j.ethGetLogs(filter).send().getLogs()) {
          logs.add(chainLog((Log) result.get()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    logs.sort(Comparator.comparingLong(ChainLog::blockNumber).thenComparingInt(ChainLog::logIndex));
    try (Transaction tx = store.startTransaction()) {
      logs.forEach(log -> handler.apply(log, tx));
      tx.commit();
    }
    return logs.size();
  }

  /** Block timestamps read from the chain (cached). */
  BlockTimestamps blockTimestamps() {
    return number -> {
      try {
        return OptionalLong.of(timestamp(number));
      } catch (IllegalStateException e) {
        return OptionalLong.empty();
      }
    };
  }

  private ChainLog chainLog(Log log) {
    long block = log.getBlockNumber().longValueExact();
    return new ChainLog(
        block,
        log.getBlockHash(),
        timestamp(block),
        log.getTransactionHash(),
        log.getTransactionIndex().intValueExact(),
        log.getLogIndex().intValueExact(),
        log.getAddress().toLowerCase(Locale.ROOT),
        log.getTopics(),
        log.getData());
  }

  private long timestamp(long block) {
    return timestamps.computeIfAbsent(
        block,
        number -> {
          try {
            var response =
                web3j
                    .ethGetBlockByNumber(
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                    .send();
            if (response.getBlock() == null) {
              throw new IllegalStateException("no block " + number);
            }
            return response.getBlock().getTimestamp().longValueExact();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}

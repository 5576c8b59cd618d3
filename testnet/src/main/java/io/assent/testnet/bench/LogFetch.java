package io.assent.testnet.bench;

import java.io.IOException;
import java.math.BigInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;

/**
 * The raw fetch: every registry log from {@code from} to {@code to} by eth_getLogs, in ranges of
 * the follower's size, decoded from JSON into web3j's Log objects and nothing more. The ceiling for
 * what any follower of the same JSON-RPC endpoint can reach.
 */
final class LogFetch {
  private LogFetch() {}

  static Throughput run(Web3j web3j, String registry, long from, long to, int rangeSize) {
    Stopwatch watch = new Stopwatch();
    long events = 0;
    for (long low = from; low <= to; low += rangeSize) {
      long high = Math.min(to, low + rangeSize - 1);
      EthFilter filter = new EthFilter(block(low), block(high), registry);
      try {
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
          throw new IllegalStateException("eth_getLogs: " + response.getError().getMessage());
        }
        events += response.getLogs().size();
      } catch (IOException e) {
        throw new IllegalStateException("eth_getLogs failed", e);
      }
    }
    return watch.stop(events);
  }

  private static DefaultBlockParameter block(long number) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
  }
}

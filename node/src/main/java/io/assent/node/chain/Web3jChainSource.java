package io.assent.node.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.exceptions.ClientConnectionException;

/**
 * {@link ChainSource} over web3j JSON-RPC: eth_blockNumber, eth_getBlockByNumber (in batches of
 * {@value #BATCH_SIZE}, or one by one when the transport refuses batches) and eth_getLogs.
 */
final class Web3jChainSource implements ChainSource {

  private static final Logger LOG = LoggerFactory.getLogger(Web3jChainSource.class);

  static final int BATCH_SIZE = 200;

  private final Web3j web3j;
  private volatile boolean batches = true;

  Web3jChainSource(Web3j web3j) {
    this.web3j = web3j;
  }

  @Override
  public long headNumber() throws IOException {
    return send(web3j.ethBlockNumber()).getBlockNumber().longValueExact();
  }

  @Override
  public Map<Long, BlockHeader> headers(Collection<Long> numbers) throws IOException {
    Set<Long> wanted = Set.copyOf(numbers);
    List<Long> all = List.copyOf(wanted);
    Map<Long, BlockHeader> headers = new HashMap<>();
    for (int i = 0; i < all.size(); i += BATCH_SIZE) {
      List<Long> chunk = all.subList(i, Math.min(all.size(), i + BATCH_SIZE));
      for (EthBlock response : blocks(chunk)) {
        EthBlock.Block block = response.getBlock();
        if (block != null && wanted.contains(block.getNumber().longValueExact())) {
          headers.put(
              block.getNumber().longValueExact(),
              new BlockHeader(
                  block.getNumber().longValueExact(),
                  Hex.normalize(block.getHash()),
                  block.getTimestamp().longValueExact()));
        }
      }
    }
    return headers;
  }

  @Override
  public List<RawLog> logs(long from, long to, Set<String> addresses) throws IOException {
    EthFilter filter = new EthFilter(number(from), number(to), new ArrayList<>(addresses));
    EthLog response = send(web3j.ethGetLogs(filter));
    List<RawLog> logs = new ArrayList<>();
    for (EthLog.LogResult<?> result : response.getLogs()) {
      if (!(result.get() instanceof Log log)) {
        throw new IOException("eth_getLogs returned a non-log result: " + result.get());
      }
      if (!log.isRemoved()) {
        logs.add(toRawLog(log));
      }
    }
    return logs;
  }

  private List<EthBlock> blocks(List<Long> numbers) throws IOException {
    List<EthBlock> responses = new ArrayList<>(numbers.size());
    if (batches && numbers.size() > 1) {
      BatchRequest batch = web3j.newBatch();
      numbers.forEach(n -> batch.add(web3j.ethGetBlockByNumber(number(n), false)));
      try {
        for (Response<?> response : sendBatch(batch)) {
          responses.add(checked("eth_getBlockByNumber", (EthBlock) response));
        }
        return responses;
      } catch (UnsupportedOperationException | ClassCastException e) {
        // A transport without batches, or an endpoint that answered a batch with a single
        // error object: ask block by block from now on.
        LOG.warn("JSON-RPC batches refused ({}); reading blocks one by one", e.toString());
        batches = false;
      }
    }
    for (long n : numbers) {
      responses.add(send(web3j.ethGetBlockByNumber(number(n), false)));
    }
    return responses;
  }

  private static List<? extends Response<?>> sendBatch(BatchRequest batch) throws IOException {
    try {
      return batch.send().getResponses();
    } catch (ClientConnectionException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static <T extends Response<?>> T send(Request<?, T> request) throws IOException {
    try {
      return checked(request.getMethod(), request.send());
    } catch (ClientConnectionException e) {
      throw new IOException(request.getMethod() + ": " + e.getMessage(), e);
    }
  }

  private static <T extends Response<?>> T checked(String method, T response)
      throws JsonRpcErrorException {
    if (response.hasError()) {
      throw new JsonRpcErrorException(
          method, response.getError().getCode(), response.getError().getMessage());
    }
    return response;
  }

  private static RawLog toRawLog(Log log) {
    return new RawLog(
        log.getBlockNumber().longValueExact(),
        Hex.normalize(log.getBlockHash()),
        Hex.normalize(log.getTransactionHash()),
        log.getTransactionIndex().intValueExact(),
        log.getLogIndex().intValueExact(),
        Hex.normalize(log.getAddress()),
        log.getTopics().stream().map(Hex::normalize).toList(),
        Hex.normalize(log.getData()));
  }

  private static DefaultBlockParameter number(long n) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(n));
  }
}

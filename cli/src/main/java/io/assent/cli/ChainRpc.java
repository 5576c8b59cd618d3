package io.assent.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * A JSON-RPC endpoint the CLI sends its own transactions to (with {@code --rpc}): the connection,
 * the chain id (asked once), and receipts polled every {@link #RECEIPT_POLL_MILLIS} ms. Shared by
 * the DID and dataset registries' direct transports; one per command, closed with it.
 */
public final class ChainRpc implements AutoCloseable {
  public static final long RECEIPT_POLL_MILLIS = 200;

  private final URI rpc;
  private final Web3j web3j;
  private BigInteger chainId;

  public ChainRpc(URI rpc) {
    this.rpc = rpc;
    this.web3j = Web3j.build(new HttpService(rpc.toString()));
  }

  public Web3j web3j() {
    return web3j;
  }

  /** Where transactions go, for messages: {@code chain <url>}. */
  public String describe() {
    return "chain " + rpc;
  }

  /** {@code eth_chainId}, asked once; {@code rpcUnavailable} when the endpoint does not answer. */
  public BigInteger chainId() {
    if (chainId == null) {
      BigInteger answer;
      try {
        answer = web3j.ethChainId().send().getChainId();
      } catch (IOException | RuntimeException e) {
        throw new CliException(
            "rpcUnavailable",
            "cannot reach the JSON-RPC endpoint " + rpc + ": " + e.getMessage(),
            e);
      }
      if (answer == null) {
        throw new CliException(
            "rpcUnavailable", "the JSON-RPC endpoint " + rpc + " reports no chain id");
      }
      chainId = answer;
    }
    return chainId;
  }

  /** Waits for a receipt up to {@code timeout}, polling every {@link #RECEIPT_POLL_MILLIS} ms. */
  public TransactionReceiptProcessor receipts(Duration timeout) {
    int attempts = (int) Math.max(1, timeout.toMillis() / RECEIPT_POLL_MILLIS);
    return new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, attempts);
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}

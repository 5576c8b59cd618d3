package io.assent.node.relay;

import java.io.IOException;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The ONE transaction manager of the node's relayer key, shared by the DID relay and the anchorer.
 * Sends are serialized, and each takes its nonce from the endpoint's pending count (which includes
 * the previous send once it returned): two senders can never pick the same nonce, a failed send
 * leaves no gap, and a transaction dropped by a reorg frees its nonce for the next send. (web3j's
 * FastRawTransactionManager counts nonces locally and would stall behind a dropped transaction.)
 */
public final class RelayerTransactions extends RawTransactionManager {

  public RelayerTransactions(Web3j web3j, Credentials relayer, long chainId) {
    super(web3j, relayer, chainId, new PollingTransactionReceiptProcessor(web3j, 200, 300));
  }

  @Override
  public synchronized EthSendTransaction sendTransaction(
      BigInteger gasPrice,
      BigInteger gasLimit,
      String to,
      String data,
      BigInteger value,
      boolean constructor)
      throws IOException {
    return super.sendTransaction(gasPrice, gasLimit, to, data, value, constructor);
  }

  @Override
  public synchronized EthSendTransaction sendEIP1559Transaction(
      long chainId,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      BigInteger gasLimit,
      String to,
      String data,
      BigInteger value,
      boolean constructor)
      throws IOException {
    return super.sendEIP1559Transaction(
        chainId, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, data, value, constructor);
  }
}

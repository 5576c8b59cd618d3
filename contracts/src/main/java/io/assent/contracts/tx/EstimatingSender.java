package io.assent.contracts.tx;

import java.io.IOException;
import java.math.BigInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractEIP1559GasProvider;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * Sends calldata to one contract from a transaction manager's account: estimates the gas first (so
 * a call the contract would refuse is never sent, and its revert data comes back), adds 20%
 * headroom, then sends at the gas provider's prices (EIP-1559 when it gives fees). Sends are
 * serialized, so a {@code RawTransactionManager} never hands two of them the same nonce.
 *
 * <p>Thread-safe. Callers turn {@link IOException}s and refusals into their own exceptions.
 */
public final class EstimatingSender {
  private static final BigInteger HEADROOM_NUMERATOR = BigInteger.valueOf(6);
  private static final BigInteger HEADROOM_DENOMINATOR = BigInteger.valueOf(5);

  private final Web3j web3j;
  private final TransactionManager transactions;
  private final ContractGasProvider gas;
  private final String contract;
  private final ReentrantLock lock = new ReentrantLock();

  public EstimatingSender(
      Web3j web3j, TransactionManager transactions, ContractGasProvider gas, String contract) {
    this.web3j = web3j;
    this.transactions = transactions;
    this.gas = gas;
    this.contract = contract;
  }

  /**
   * What the node answered: the transaction hash, or the error of the estimate or of the send
   * (whose data carries the revert reason).
   */
  public record Sent(String txHash, Response.Error refusal) {
    public boolean refused() {
      return refusal != null;
    }
  }

  /**
   * Estimates and sends {@code data}.
   *
   * @throws IOException when the node cannot be reached
   */
  public Sent submit(String data) throws IOException {
    lock.lock();
    try {
      String from = transactions.getFromAddress();
      EthEstimateGas estimate =
          web3j.ethEstimateGas(Transaction.createEthCallTransaction(from, contract, data)).send();
      if (estimate.hasError()) {
        return new Sent(null, estimate.getError());
      }
      BigInteger limit =
          estimate.getAmountUsed().multiply(HEADROOM_NUMERATOR).divide(HEADROOM_DENOMINATOR);
      EthSendTransaction sent = send(limit, data);
      return sent.hasError()
          ? new Sent(null, sent.getError())
          : new Sent(sent.getTransactionHash(), null);
    } finally {
      lock.unlock();
    }
  }

  private EthSendTransaction send(BigInteger gasLimit, String data) throws IOException {
    if (gas instanceof ContractEIP1559GasProvider fees) {
      return transactions.sendEIP1559Transaction(
          fees.getChainId(),
          fees.getMaxPriorityFeePerGas(),
          fees.getMaxFeePerGas(),
          gasLimit,
          contract,
          data,
          BigInteger.ZERO);
    }
    return transactions.sendTransaction(
        gas.getGasPrice(), gasLimit, contract, data, BigInteger.ZERO);
  }
}

package io.assent.node.anchor;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;

/**
 * {@link AnchorChain} over JSON-RPC: {@code ConsentAnchor.anchor} sent through the relayer's shared
 * transaction manager, gas from {@code eth_estimateGas} (+20%) at the endpoint's gas price.
 */
public final class Web3jAnchorChain implements AnchorChain {
  private final Web3j web3j;
  private final TransactionManager transactions;
  private final String contract;

  public Web3jAnchorChain(Web3j web3j, TransactionManager transactions, String contract) {
    this.web3j = web3j;
    this.transactions = transactions;
    this.contract = contract;
  }

  /** The calldata of {@code anchor(root, count, withdrawn)}. */
  static String calldata(byte[] root, long count, List<byte[]> withdrawn) {
    Function anchor =
        new Function(
            "anchor",
            List.of(
                new Bytes32(root),
                new Uint256(count),
                new DynamicArray<>(Bytes32.class, withdrawn.stream().map(Bytes32::new).toList())),
            List.of());
    return FunctionEncoder.encode(anchor);
  }

  @Override
  public String submit(byte[] root, long count, List<byte[]> withdrawn) {
    String data = calldata(root, count, withdrawn);
    try {
      BigInteger estimate =
          ok(web3j
                  .ethEstimateGas(
                      Transaction.createEthCallTransaction(
                          transactions.getFromAddress(), contract, data))
                  .send())
              .getAmountUsed();
      BigInteger gasLimit = estimate.multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN);
      BigInteger gasPrice = ok(web3j.ethGasPrice().send()).getGasPrice();
      EthSendTransaction sent =
          ok(transactions.sendTransaction(gasPrice, gasLimit, contract, data, BigInteger.ZERO));
      return sent.getTransactionHash();
    } catch (IOException e) {
      throw new AnchorChainException("chain RPC unreachable: " + e.getMessage(), e);
    }
  }

  @Override
  public TxState transaction(String txHash) {
    try {
      var receipt = ok(web3j.ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
      if (receipt.isPresent()) {
        TransactionReceipt r = receipt.get();
        return r.isStatusOK() ? TxState.MINED : TxState.REVERTED;
      }
      var tx = ok(web3j.ethGetTransactionByHash(txHash).send()).getTransaction();
      return tx.isPresent() ? TxState.PENDING : TxState.UNKNOWN;
    } catch (IOException e) {
      throw new AnchorChainException("chain RPC unreachable: " + e.getMessage(), e);
    }
  }

  @Override
  public long blockNumber() {
    try {
      return ok(web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new AnchorChainException("chain RPC unreachable: " + e.getMessage(), e);
    }
  }

  private static <T extends Response<?>> T ok(T response) {
    if (response.hasError()) {
      throw new AnchorChainException("chain RPC error: " + response.getError().getMessage());
    }
    return response;
  }
}

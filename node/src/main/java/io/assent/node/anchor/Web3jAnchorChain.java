package io.assent.node.anchor;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.consent.ConsentAnchorException;
import java.io.IOException;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * {@link AnchorChain} over JSON-RPC: {@code ConsentAnchor.anchor} through {@link
 * ConsentAnchorClient} (built on the relayer's one shared transaction manager), plus the receipt
 * and head queries the anchorer needs.
 */
public final class Web3jAnchorChain implements AnchorChain {
  private final Web3j web3j;
  private final ConsentAnchorClient client;

  public Web3jAnchorChain(Web3j web3j, ConsentAnchorClient client) {
    this.web3j = web3j;
    this.client = client;
  }

  @Override
  public String submit(byte[] root, long count, List<byte[]> withdrawn) {
    try {
      return client.submitAnchor(root, count, withdrawn);
    } catch (ConsentAnchorException e) {
      throw new AnchorChainException(e.getMessage(), e);
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

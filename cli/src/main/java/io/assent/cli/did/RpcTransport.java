package io.assent.cli.did;

import io.assent.cli.ChainRpc;
import io.assent.cli.CliException;
import io.assent.contracts.did.DidEthr;
import io.assent.contracts.did.DidRegistryClient;
import io.assent.contracts.did.DidRegistryException;
import io.assent.contracts.did.Erc1056Operation;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DynamicGasProvider;

/**
 * Sends the plain registry function (no signature needed) as a transaction from the owner's own
 * key, which pays the gas, and waits for its receipt, polling every 200 ms up to {@code timeout}.
 *
 * <p>JSON-RPC calls: {@code eth_chainId}, {@code eth_getCode} and {@code eth_call
 * identityOwner(identity)}, then {@code eth_gasPrice}, {@code eth_estimateGas}, {@code
 * eth_getTransactionCount}, {@code eth_sendRawTransaction}, {@code eth_getTransactionReceipt}.
 */
public final class RpcTransport implements Transport {

  private final ChainRpc chain;
  private final String registry;
  private final Duration timeout;
  private final Web3j web3j;

  public RpcTransport(URI rpc, String registry, Duration timeout) {
    this.chain = new ChainRpc(rpc);
    this.registry = registry;
    this.timeout = timeout;
    this.web3j = chain.web3j();
  }

  @Override
  public String describe() {
    return chain.describe();
  }

  @Override
  public BigInteger chainId() {
    return chain.chainId();
  }

  @Override
  public String owner(DidEthr did) {
    DidRegistryClient reader =
        DidRegistryClient.load(
            registry,
            web3j,
            new ReadonlyTransactionManager(web3j, did.address()),
            new DynamicGasProvider(web3j));
    return call(
        () -> {
          if (!reader.isDeployed()) {
            throw new CliException(
                "noRegistry", "there is no contract at registry " + registry + " on " + describe());
          }
          return reader.identityOwner(did.address());
        });
  }

  @Override
  public Submission submit(DidEthr did, Erc1056Operation operation, Credentials owner) {
    DidRegistryClient client =
        DidRegistryClient.load(
                registry,
                web3j,
                new RawTransactionManager(web3j, owner, chainId().longValueExact()),
                new DynamicGasProvider(web3j))
            .withReceiptProcessor(chain.receipts(timeout));
    TransactionReceipt receipt = call(() -> client.send(operation));
    return new Submission(
        receipt.getTransactionHash(),
        receipt.getBlockNumber().longValueExact(),
        receipt.getGasUsed(),
        describe());
  }

  private <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (DidRegistryException e) {
      throw RegistryErrors.toCli(e, describe());
    }
  }

  @Override
  public void close() {
    chain.close();
  }
}

package io.assent.cli.dataset;

import io.assent.cli.ChainRpc;
import io.assent.cli.CliException;
import io.assent.cli.did.Transport.Submission;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.dataset.DatasetRegistryException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DynamicGasProvider;

/**
 * Sends the plain registry function as a transaction from the curator agent's own key, which pays
 * the gas, and waits for its receipt (polling every 200 ms up to the timeout). The registry's
 * refusals arrive before anything is sent (the gas estimate replays them) with the custom error's
 * name, mapped by {@link DatasetRegistryErrors}.
 */
final class RpcDatasetTransport implements DatasetTransport {

  private final ChainRpc chain;
  private final String registry;
  private final Duration timeout;
  private final Web3j web3j;

  RpcDatasetTransport(URI rpc, String registry, Duration timeout) {
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
  public Set<String> networkNames() {
    return Set.of();
  }

  /** {@code nonces(signer)} of the registry. */
  BigInteger nonce(String signer) {
    DatasetRegistryClient reader =
        DatasetRegistryClient.load(
            registry,
            web3j,
            new ReadonlyTransactionManager(web3j, signer),
            new DynamicGasProvider(web3j));
    return call(
        () -> {
          if (!reader.isDeployed()) {
            throw new CliException(
                "noDatasetRegistry",
                "there is no contract at DatasetRegistry " + registry + " on " + describe());
          }
          return reader.nonce(signer);
        });
  }

  @Override
  public Submission submit(DatasetOperation op, Credentials key) {
    DatasetRegistryClient client =
        DatasetRegistryClient.load(
                registry,
                web3j,
                new RawTransactionManager(web3j, key, chainId().longValueExact()),
                new DynamicGasProvider(web3j))
            .withReceiptProcessor(chain.receipts(timeout));
    TransactionReceipt receipt =
        call(
            () -> {
              if (!client.isDeployed()) {
                throw new CliException(
                    "noDatasetRegistry",
                    "there is no contract at DatasetRegistry " + registry + " on " + describe());
              }
              return client.send(op);
            });
    return new Submission(
        receipt.getTransactionHash(),
        receipt.getBlockNumber().longValueExact(),
        receipt.getGasUsed(),
        describe());
  }

  private <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (DatasetRegistryException e) {
      throw DatasetRegistryErrors.toCli(e, describe());
    }
  }

  @Override
  public void close() {
    chain.close();
  }
}

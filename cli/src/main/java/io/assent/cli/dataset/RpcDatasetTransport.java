package io.assent.cli.dataset;

import io.assent.cli.CliException;
import io.assent.cli.did.Transport.Submission;
import io.assent.contracts.dataset.DatasetOperation;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.dataset.DatasetRegistryException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DynamicGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Sends the plain registry function as a transaction from the curator agent's own key, which pays
 * the gas, and waits for its receipt (polling every 200 ms up to the timeout). The registry's
 * refusals arrive before anything is sent (the gas estimate replays them) with the custom error's
 * name, mapped by {@link DatasetRegistryErrors}.
 */
final class RpcDatasetTransport implements DatasetTransport {

  private static final long RECEIPT_POLL_MILLIS = 200;

  private final URI rpc;
  private final String registry;
  private final Duration timeout;
  private final Web3j web3j;
  private BigInteger chainId;

  RpcDatasetTransport(URI rpc, String registry, Duration timeout) {
    this.rpc = rpc;
    this.registry = registry;
    this.timeout = timeout;
    this.web3j = Web3j.build(new HttpService(rpc.toString()));
  }

  @Override
  public String describe() {
    return "chain " + rpc;
  }

  @Override
  public BigInteger chainId() {
    if (chainId == null) {
      try {
        chainId = web3j.ethChainId().send().getChainId();
      } catch (IOException | RuntimeException e) {
        throw new CliException(
            "rpcUnavailable",
            "cannot reach the JSON-RPC endpoint " + rpc + ": " + e.getMessage(),
            e);
      }
    }
    return chainId;
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
    int attempts = (int) Math.max(1, timeout.toMillis() / RECEIPT_POLL_MILLIS);
    DatasetRegistryClient client =
        DatasetRegistryClient.load(
                registry,
                web3j,
                new RawTransactionManager(web3j, key, chainId().longValueExact()),
                new DynamicGasProvider(web3j))
            .withReceiptProcessor(
                new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, attempts));
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
    web3j.shutdown();
  }
}

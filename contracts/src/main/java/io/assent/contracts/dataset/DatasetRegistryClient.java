package io.assent.contracts.dataset;

import io.assent.contracts.consent.Eip712Domain;
import io.assent.contracts.dataset.DatasetRegistryException.Reason;
import io.assent.contracts.generated.DatasetRegistry;
import io.assent.contracts.tx.EstimatingSender;
import io.assent.contracts.tx.RpcCall;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * The dataset registry as the node and CLI see it: reads, and writes of {@link DatasetOperation}s,
 * sent by a curator agent ({@link #submit}) or relayed with its EIP-712 signature ({@link
 * #submitSigned}). The generated binding stays inside; addresses and ids come back lower-case.
 *
 * <p>Each write is first estimated ({@code eth_estimateGas}): one the registry would refuse throws
 * a {@link DatasetRegistryException} naming the custom error and sends nothing. The gas limit is
 * the estimate plus 20%; prices come from the gas provider. A transaction that still reverts when
 * mined throws with its hash and the error found by replaying it at its block.
 *
 * <p>Thread-safe; submissions through one client are serialized ({@link EstimatingSender}) so a
 * {@code RawTransactionManager} never hands two of them the same account nonce.
 */
public final class DatasetRegistryClient {

  private static final long RECEIPT_POLL_MILLIS = 500;
  private static final int RECEIPT_POLL_ATTEMPTS = 240;

  private final DatasetRegistry registry;
  private final Web3j web3j;
  private final TransactionManager transactions;
  private final ContractGasProvider gas;
  private final TransactionReceiptProcessor receipts;
  private final DatasetCalls calls;
  private final EstimatingSender sender;

  private DatasetRegistryClient(
      DatasetRegistry registry,
      Web3j web3j,
      TransactionManager transactions,
      ContractGasProvider gas,
      TransactionReceiptProcessor receipts) {
    this.registry = registry;
    this.web3j = web3j;
    this.transactions = transactions;
    this.gas = gas;
    this.receipts = receipts;
    this.calls = new DatasetCalls(registry);
    this.sender = new EstimatingSender(web3j, transactions, gas, address());
  }

  /** Deploys a registry bound to the DID registry at {@code didRegistry}, and waits for it. */
  public static DatasetRegistryClient deploy(
      Web3j web3j, TransactionManager transactions, ContractGasProvider gas, String didRegistry) {
    String did = DatasetHex.address("didRegistry", didRegistry);
    DatasetRegistry registry =
        rpc(
            "deploy",
            () -> DatasetRegistry.deploy(web3j, transactions, gas, did).send(),
            Reason.CALL_FAILED);
    return new DatasetRegistryClient(registry, web3j, transactions, gas, defaultReceipts(web3j));
  }

  /** A client for the registry at {@code address}. Makes no call; see {@link #isDeployed}. */
  public static DatasetRegistryClient load(
      String address, Web3j web3j, TransactionManager transactions, ContractGasProvider gas) {
    DatasetRegistry registry =
        DatasetRegistry.load(DatasetHex.address("address", address), web3j, transactions, gas);
    return new DatasetRegistryClient(registry, web3j, transactions, gas, defaultReceipts(web3j));
  }

  /** The same client, waiting for receipts with {@code processor} (default: 500 ms x 240). */
  public DatasetRegistryClient withReceiptProcessor(TransactionReceiptProcessor processor) {
    return new DatasetRegistryClient(registry, web3j, transactions, gas, processor);
  }

  /** The registry's address, lower-case 0x-hex. */
  public String address() {
    return registry.getContractAddress().toLowerCase(Locale.ROOT);
  }

  /** The receipt of the deployment, when this client deployed the registry. */
  public Optional<TransactionReceipt> deploymentReceipt() {
    return registry.getTransactionReceipt();
  }

  /** True if there is code at the registry's address. */
  public boolean isDeployed() {
    String code =
        read(
            "eth_getCode",
            () -> web3j.ethGetCode(address(), DefaultBlockParameterName.LATEST).send().getCode());
    return code != null && code.length() > 2;
  }

  // ---- reads ----

  /** The EIP-712 domain signatures for this registry must use (asks the node for its chain id). */
  public Eip712Domain domain() {
    long chainId =
        read("eth_chainId", () -> web3j.ethChainId().send().getChainId().longValueExact());
    return Eip712Domain.datasetRegistry(chainId, address());
  }

  /** The DID registry that authorizes curator agents. */
  public String didRegistry() {
    return read("didRegistry", () -> registry.didRegistry().send()).toLowerCase(Locale.ROOT);
  }

  /** The nonce {@code signer}'s next signed operation must carry. */
  public BigInteger nonce(String signer) {
    String who = DatasetHex.address("signer", signer);
    return read("nonces", () -> registry.nonces(who).send());
  }

  public boolean exists(String id) {
    byte[] key = DatasetCalls.bytes(DatasetHex.bytes32("id", id));
    return read("exists", () -> registry.exists(key).send());
  }

  /** The current curator (lower-case 0x-hex); the zero address for an unknown dataset. */
  public String curatorOf(String id) {
    byte[] key = DatasetCalls.bytes(DatasetHex.bytes32("id", id));
    return read("curatorOf", () -> registry.curatorOf(key).send()).toLowerCase(Locale.ROOT);
  }

  public boolean isDeprecated(String id) {
    byte[] key = DatasetCalls.bytes(DatasetHex.bytes32("id", id));
    return read("isDeprecated", () -> registry.isDeprecated(key).send());
  }

  /**
   * True if {@code actor} may act for {@code curator} now: owner or valid veriKey/sigAuth delegate.
   */
  public boolean isCuratorAgent(String curator, String actor) {
    String c = DatasetHex.address("curator", curator);
    String a = DatasetHex.address("actor", actor);
    return read("isCuratorAgent", () -> registry.isCuratorAgent(c, a).send());
  }

  // ---- writes ----

  /**
   * Sends {@code op} from the transaction manager's account (the actor) and returns the transaction
   * hash once the node accepted it.
   *
   * @throws DatasetRegistryException if the registry would refuse it (nothing sent) or the node did
   */
  public String submit(DatasetOperation op) {
    return submitData(calls.direct(op));
  }

  /**
   * Relays {@code op} signed by {@code signer} (see {@link DatasetTypedData}, with {@link
   * #nonce}(signer)); this client's account pays. Returns the transaction hash.
   *
   * @param signatureHex 65 bytes {@code r ‖ s ‖ v}, 0x-hex, v = 27/28 or 0/1
   */
  public String submitSigned(DatasetOperation op, String signer, String signatureHex) {
    return submitData(calls.signed(op, signer, signatureHex));
  }

  /** {@link #submit} then {@link #awaitReceipt}. */
  public TransactionReceipt send(DatasetOperation op) {
    return awaitReceipt(submit(op));
  }

  /** {@link #submitSigned} then {@link #awaitReceipt}. */
  public TransactionReceipt sendSigned(DatasetOperation op, String signer, String signatureHex) {
    return awaitReceipt(submitSigned(op, signer, signatureHex));
  }

  /**
   * Waits for the receipt of {@code txHash}.
   *
   * @throws DatasetRegistryException with the custom error if it reverted, {@link
   *     Reason#RECEIPT_TIMEOUT} if no receipt came in time
   */
  public TransactionReceipt awaitReceipt(String txHash) {
    TransactionReceipt receipt;
    try {
      receipt = receipts.waitForTransactionReceipt(txHash);
    } catch (TransactionException e) {
      throw new DatasetRegistryException(
          Reason.RECEIPT_TIMEOUT, "no receipt yet: " + e.getMessage(), null, List.of(), txHash, e);
    } catch (IOException e) {
      throw new DatasetRegistryException(
          Reason.UNAVAILABLE, "node unavailable: " + e.getMessage(), null, List.of(), txHash, e);
    }
    if (!receipt.isStatusOK()) {
      throw replayRevert(receipt).withTransaction(txHash);
    }
    return receipt;
  }

  /** The registry events this registry emitted in {@code receipt}, in log order. */
  public List<DatasetEvent> events(TransactionReceipt receipt) {
    return DatasetRegistryEvents.inReceipt(receipt, address());
  }

  private String submitData(String data) {
    EstimatingSender.Sent sent = rpc("send", () -> sender.submit(data), Reason.UNAVAILABLE);
    if (sent.refused()) {
      throw DatasetRevert.fromRpcError(sent.refusal().getMessage(), sent.refusal().getData());
    }
    return sent.txHash();
  }

  /** The error of a mined, reverted transaction, found by replaying it at its block. */
  private DatasetRegistryException replayRevert(TransactionReceipt receipt) {
    try {
      var tx = web3j.ethGetTransactionByHash(receipt.getTransactionHash()).send().getTransaction();
      if (tx.isPresent()) {
        EthCall replay =
            web3j
                .ethCall(
                    callOf(tx.get().getFrom(), tx.get().getInput()),
                    DefaultBlockParameter.valueOf(receipt.getBlockNumber()))
                .send();
        if (replay.hasError()) {
          return fromRpcError(replay);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: the reason is unknown, the failure is not
    }
    return new DatasetRegistryException(
        Reason.REVERTED,
        "reverted when mined in block " + receipt.getBlockNumber() + " (reason not reproducible)",
        null);
  }

  private static DatasetRegistryException fromRpcError(Response<?> response) {
    return DatasetRevert.fromRpcError(
        response.getError().getMessage(), response.getError().getData());
  }

  private Transaction callOf(String from, String data) {
    return Transaction.createEthCallTransaction(from, address(), data);
  }

  private static TransactionReceiptProcessor defaultReceipts(Web3j web3j) {
    return new PollingTransactionReceiptProcessor(
        web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS);
  }

  private static <T> T read(String what, Callable<T> call) {
    return rpc(what, call, Reason.CALL_FAILED);
  }

  /** Runs a node call, turning every failure into a {@link DatasetRegistryException}. */
  private static <T> T rpc(String what, Callable<T> call, Reason otherwise) {
    return RpcCall.run(
        what,
        call,
        DatasetRegistryException.class,
        DatasetRegistryException::new,
        Reason.UNAVAILABLE,
        Reason.CALL_FAILED,
        otherwise);
  }
}

package io.assent.contracts.did;

import io.assent.contracts.did.DidRegistryException.Reason;
import io.assent.contracts.generated.DIDRegistry;
import io.assent.contracts.tx.RpcCall;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractEIP1559GasProvider;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * The DID registry as callers see it: reads, and writes of {@link Erc1056Operation}s, sent by the
 * owner ({@link #send}) or relayed with the owner's signature ({@link #sendSigned}). The generated
 * binding stays inside; addresses come back lower-case 0x-hex.
 *
 * <p>Writes are well defined on failure, whatever web3j's wrappers would do: each is first
 * estimated ({@code eth_estimateGas}), so a write the registry would refuse throws a {@link
 * DidRegistryException} naming the revert reason and sends nothing (no gas spent). A transaction
 * that passes and still reverts when mined (the state changed in between) throws with its hash and
 * the reason found by replaying it at its block. Every failure, I/O included, is a {@link
 * DidRegistryException}; bad arguments are an {@link IllegalArgumentException}.
 *
 * <p>Thread-safe. Submissions through one client are serialized, so a {@code RawTransactionManager}
 * never hands two of them the same account nonce: share the client, not its transaction manager.
 */
public final class DidRegistryClient {

  private static final long RECEIPT_POLL_MILLIS = 500;
  private static final int RECEIPT_POLL_ATTEMPTS = 240;

  private final Web3j web3j;
  private final TransactionManager transactions;
  private final ContractGasProvider gas;
  private final TransactionReceiptProcessor receipts;
  private final DIDRegistry registry;
  private final RegistryCalls calls;
  private final ReentrantLock submitLock = new ReentrantLock();

  private DidRegistryClient(
      DIDRegistry registry,
      Web3j web3j,
      TransactionManager transactions,
      ContractGasProvider gas,
      TransactionReceiptProcessor receipts) {
    this.registry = registry;
    this.web3j = web3j;
    this.transactions = transactions;
    this.gas = gas;
    this.receipts = receipts;
    this.calls = new RegistryCalls(registry);
  }

  /** Deploys a new registry, paid by {@code transactions}' account, and waits for it. */
  public static DidRegistryClient deploy(
      Web3j web3j, TransactionManager transactions, ContractGasProvider gas) {
    DIDRegistry registry =
        rpc("deploy", () -> DIDRegistry.deploy(web3j, transactions, gas).send(), Reason.REJECTED);
    return new DidRegistryClient(registry, web3j, transactions, gas, defaultReceipts(web3j));
  }

  /** A client for the registry at {@code address}. Makes no call; see {@link #isDeployed}. */
  public static DidRegistryClient load(
      String address, Web3j web3j, TransactionManager transactions, ContractGasProvider gas) {
    DIDRegistry registry =
        DIDRegistry.load(RegistryCalls.address(address), web3j, transactions, gas);
    return new DidRegistryClient(registry, web3j, transactions, gas, defaultReceipts(web3j));
  }

  /** The same client, waiting for receipts with {@code processor} (default: 500 ms x 240). */
  public DidRegistryClient withReceiptProcessor(TransactionReceiptProcessor processor) {
    return new DidRegistryClient(registry, web3j, transactions, gas, processor);
  }

  /** The registry's address, lower-case 0x-hex. */
  public String address() {
    return registry.getContractAddress().toLowerCase(java.util.Locale.ROOT);
  }

  /** The receipt of the deployment, when this client deployed the registry. */
  public Optional<TransactionReceipt> deploymentReceipt() {
    return registry.getTransactionReceipt();
  }

  /** True if there is code at the registry's address. */
  public boolean isDeployed() {
    String code =
        rpc(
            "eth_getCode",
            () -> web3j.ethGetCode(address(), DefaultBlockParameterName.LATEST).send().getCode(),
            Reason.CALL_FAILED);
    return code != null && code.length() > 2;
  }

  // ---- reads ----

  /** The current owner: the identity itself until changed, 0x0 once deactivated. */
  public String identityOwner(String identity) {
    String owner =
        read("identityOwner", () -> registry.identityOwner(RegistryCalls.address(identity)).send());
    return owner.toLowerCase(java.util.Locale.ROOT);
  }

  /** The number of signed operations {@code signer} has had relayed. */
  public BigInteger nonce(String signer) {
    return read("nonce", () -> registry.nonce(RegistryCalls.address(signer)).send());
  }

  /** The nonce the next signed operation on {@code identity} must be hashed with. */
  public BigInteger ownerNonce(String identity) {
    return nonce(identityOwner(identity));
  }

  /** The block of the identity's last change (0 if never changed): the head of its event list. */
  public BigInteger changed(String identity) {
    return read("changed", () -> registry.changed(RegistryCalls.address(identity)).send());
  }

  /** True while {@code delegate} is a delegate of this 32-byte type whose validity lies ahead. */
  public boolean validDelegate(String identity, byte[] delegateType, String delegate) {
    String id = RegistryCalls.address(identity);
    byte[] type = RegistryCalls.bytes32(delegateType);
    String who = RegistryCalls.address(delegate);
    return read("validDelegate", () -> registry.validDelegate(id, type, who).send());
  }

  /** True once the identity's owner was changed to 0x0 (final). */
  public boolean deactivated(String identity) {
    return read("deactivated", () -> registry.deactivated(RegistryCalls.address(identity)).send());
  }

  // ---- writes ----

  /** Sends {@code operation} from the transaction manager's account, which must be the owner. */
  public TransactionReceipt send(Erc1056Operation operation) {
    return awaitReceipt(submit(operation));
  }

  /** Relays {@code operation} with the owner's signature; any account may pay the gas. */
  public TransactionReceipt sendSigned(Erc1056Operation operation, Erc1056Signature signature) {
    return awaitReceipt(submitSigned(operation, signature));
  }

  /** Like {@link #send} but returns the transaction hash once the node accepted it. */
  public String submit(Erc1056Operation operation) {
    return submitData(calls.direct(operation));
  }

  /** Like {@link #sendSigned} but returns the transaction hash once the node accepted it. */
  public String submitSigned(Erc1056Operation operation, Erc1056Signature signature) {
    return submitData(calls.signed(operation, signature));
  }

  /**
   * Waits for the receipt of a transaction this client submitted.
   *
   * @throws DidRegistryException with the revert reason if it reverted, {@link
   *     Reason#RECEIPT_TIMEOUT} if no receipt came in time
   */
  public TransactionReceipt awaitReceipt(String txHash) {
    TransactionReceipt receipt;
    try {
      receipt = receipts.waitForTransactionReceipt(txHash);
    } catch (TransactionException e) {
      throw new DidRegistryException(
          Reason.RECEIPT_TIMEOUT, "no receipt yet: " + e.getMessage(), null, null, txHash, e);
    } catch (IOException e) {
      throw new DidRegistryException(
          Reason.UNAVAILABLE, "node unavailable: " + e.getMessage(), null, null, txHash, e);
    }
    if (!receipt.isStatusOK()) {
      throw replayRevert(receipt).withTransaction(txHash);
    }
    return receipt;
  }

  private String submitData(String data) {
    submitLock.lock();
    try {
      String from = transactions.getFromAddress();
      Response<?> estimate =
          rpc(
              "eth_estimateGas",
              () -> web3j.ethEstimateGas(callOf(from, data)).send(),
              Reason.UNAVAILABLE);
      if (estimate.hasError()) {
        throw RegistryRevert.fromRpcError(
            estimate.getError().getMessage(), estimate.getError().getData());
      }
      EthSendTransaction sent = rpc("send", () -> sendTransaction(from, data), Reason.UNAVAILABLE);
      if (sent.hasError()) {
        throw RegistryRevert.fromRpcError(sent.getError().getMessage(), sent.getError().getData());
      }
      return sent.getTransactionHash();
    } finally {
      submitLock.unlock();
    }
  }

  private EthSendTransaction sendTransaction(String from, String data) throws IOException {
    BigInteger gasLimit =
        gas.getGasLimit(
            Transaction.createFunctionCallTransaction(
                from, null, gas.getGasPrice(), null, address(), BigInteger.ZERO, data));
    if (gas instanceof ContractEIP1559GasProvider fees) {
      return transactions.sendEIP1559Transaction(
          fees.getChainId(),
          fees.getMaxPriorityFeePerGas(),
          fees.getMaxFeePerGas(),
          gasLimit,
          address(),
          data,
          BigInteger.ZERO);
    }
    return transactions.sendTransaction(
        gas.getGasPrice(), gasLimit, address(), data, BigInteger.ZERO);
  }

  /**
   * The reason a mined transaction reverted, found by replaying it on the state after its block.
   * Best effort: the state that made it fail (e.g. a nonce consumed by an earlier transaction of
   * the block) is usually still there.
   */
  private DidRegistryException replayRevert(TransactionReceipt receipt) {
    String hash = receipt.getTransactionHash();
    try {
      var tx = web3j.ethGetTransactionByHash(hash).send().getTransaction();
      if (tx.isPresent()) {
        EthCall replay =
            web3j
                .ethCall(
                    callOf(tx.get().getFrom(), tx.get().getInput()),
                    DefaultBlockParameter.valueOf(receipt.getBlockNumber()))
                .send();
        if (replay.hasError()) {
          return RegistryRevert.fromRpcError(
              replay.getError().getMessage(), replay.getError().getData());
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: the reason is unknown, the failure is not
    }
    return new DidRegistryException(
        Reason.REVERTED,
        "reverted when mined in block " + receipt.getBlockNumber() + " (reason not reproducible)",
        null);
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

  /** Runs a node call, turning every failure into a {@link DidRegistryException}. */
  private static <T> T rpc(String what, Callable<T> call, Reason otherwise) {
    return RpcCall.run(
        what,
        call,
        DidRegistryException.class,
        DidRegistryException::new,
        Reason.UNAVAILABLE,
        Reason.CALL_FAILED,
        otherwise);
  }
}

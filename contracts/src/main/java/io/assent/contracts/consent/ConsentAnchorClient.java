package io.assent.contracts.consent;

import io.assent.contracts.consent.ConsentAnchorException.Reason;
import io.assent.contracts.generated.ConsentAnchor;
import io.assent.contracts.tx.EstimatingSender;
import io.assent.contracts.tx.RpcCall;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * The ConsentAnchor contract as the node and CLI see it: deploy or load, submit a batch, await its
 * receipt, decode {@code Anchored} logs. The generated binding stays inside.
 *
 * <p>Each submission is first estimated ({@code eth_estimateGas}): a batch the node would refuse
 * throws {@link ConsentAnchorException} and sends nothing. The gas limit is the estimate plus 20%
 * (the contract has no storage, so its cost depends only on the calldata), not the gas provider's
 * fixed limit; prices come from the gas provider.
 *
 * <p>Thread-safe; submissions through one client are serialized so a {@code RawTransactionManager}
 * never hands two of them the same account nonce.
 */
public final class ConsentAnchorClient {

  /** keccak256("Anchored(address,bytes32,uint256,bytes32[])"), 0x-hex: topic 0 of every anchor. */
  public static final String ANCHORED_TOPIC = AnchoredLogs.TOPIC;

  private static final long RECEIPT_POLL_MILLIS = 500;
  private static final int RECEIPT_POLL_ATTEMPTS = 240;

  private final ConsentAnchor contract;
  private final Web3j web3j;
  private final TransactionManager transactions;
  private final ContractGasProvider gas;
  private final TransactionReceiptProcessor receipts;
  private final EstimatingSender sender;

  private ConsentAnchorClient(
      ConsentAnchor contract,
      Web3j web3j,
      TransactionManager transactions,
      ContractGasProvider gas,
      TransactionReceiptProcessor receipts) {
    this.contract = contract;
    this.web3j = web3j;
    this.transactions = transactions;
    this.gas = gas;
    this.receipts = receipts;
    this.sender = new EstimatingSender(web3j, transactions, gas, address());
  }

  /** Deploys a new ConsentAnchor, paid by {@code transactions}' account, and waits for it. */
  public static ConsentAnchorClient deploy(
      Web3j web3j, TransactionManager transactions, ContractGasProvider gas) {
    ConsentAnchor contract =
        rpc(
            "deploy",
            () -> ConsentAnchor.deploy(web3j, transactions, gas).send(),
            Reason.CALL_FAILED);
    return new ConsentAnchorClient(contract, web3j, transactions, gas, defaultReceipts(web3j));
  }

  /** A client for the ConsentAnchor at {@code address}. Makes no call; see {@link #isDeployed}. */
  public static ConsentAnchorClient load(
      String address, Web3j web3j, TransactionManager transactions, ContractGasProvider gas) {
    ConsentAnchor contract =
        ConsentAnchor.load(Hex.address("address", address), web3j, transactions, gas);
    return new ConsentAnchorClient(contract, web3j, transactions, gas, defaultReceipts(web3j));
  }

  /** The same client, waiting for receipts with {@code processor} (default: 500 ms x 240). */
  public ConsentAnchorClient withReceiptProcessor(TransactionReceiptProcessor processor) {
    return new ConsentAnchorClient(contract, web3j, transactions, gas, processor);
  }

  /** The contract's address, lower-case 0x-hex. */
  public String address() {
    return contract.getContractAddress().toLowerCase(Locale.ROOT);
  }

  /** The receipt of the deployment, when this client deployed the contract. */
  public Optional<TransactionReceipt> deploymentReceipt() {
    return contract.getTransactionReceipt();
  }

  /** True if there is code at the contract's address. */
  public boolean isDeployed() {
    String code =
        rpc(
            "eth_getCode",
            () -> web3j.ethGetCode(address(), DefaultBlockParameterName.LATEST).send().getCode(),
            Reason.CALL_FAILED);
    return code != null && code.length() > 2;
  }

  /**
   * Sends {@code anchor(root, count, withdrawn)} and returns the transaction hash once the node
   * accepted it (not mined yet: see {@link #awaitReceipt}).
   *
   * @param root the batch's Merkle root (32 bytes); any value when {@code count} is 0
   * @param count the number of leaves under {@code root}, >= 0
   * @param withdrawn consent ids (32 bytes each) withdrawn in this batch, may be empty
   * @throws IllegalArgumentException for a malformed argument, or an empty batch (count 0 and no
   *     withdrawal)
   * @throws ConsentAnchorException if the estimate or the submission failed (nothing sent)
   */
  public String submitAnchor(byte[] root, long count, List<byte[]> withdrawn) {
    Hex.bytes32("root", root);
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    if (withdrawn == null) {
      throw new IllegalArgumentException("withdrawn must not be null (may be empty)");
    }
    withdrawn.forEach(id -> Hex.bytes32("withdrawn id", id));
    if (count == 0 && withdrawn.isEmpty()) {
      throw new IllegalArgumentException("an anchor needs leaves or withdrawals");
    }
    String data = contract.anchor(root, BigInteger.valueOf(count), withdrawn).encodeFunctionCall();
    return submitData(data);
  }

  /** {@link #submitAnchor} then {@link #awaitReceipt}. */
  public TransactionReceipt anchor(byte[] root, long count, List<byte[]> withdrawn) {
    return awaitReceipt(submitAnchor(root, count, withdrawn));
  }

  /**
   * Waits for the receipt of {@code txHash}.
   *
   * @throws ConsentAnchorException {@link Reason#REVERTED} if it reverted, {@link
   *     Reason#RECEIPT_TIMEOUT} if no receipt came in time, {@link Reason#UNAVAILABLE}
   */
  public TransactionReceipt awaitReceipt(String txHash) {
    TransactionReceipt receipt;
    try {
      receipt = receipts.waitForTransactionReceipt(txHash);
    } catch (TransactionException e) {
      throw new ConsentAnchorException(
          Reason.RECEIPT_TIMEOUT, "no receipt yet: " + e.getMessage(), txHash, e);
    } catch (IOException e) {
      throw new ConsentAnchorException(
          Reason.UNAVAILABLE, "node unavailable: " + e.getMessage(), txHash, e);
    }
    if (!receipt.isStatusOK()) {
      throw new ConsentAnchorException(
          Reason.REVERTED, "reverted in block " + receipt.getBlockNumber(), txHash, null);
    }
    return receipt;
  }

  /** The {@code Anchored} events this contract emitted in {@code receipt}. */
  public List<AnchoredEvent> anchoredEvents(TransactionReceipt receipt) {
    return anchoredEvents(receipt, address());
  }

  /** The {@code Anchored} events emitted in {@code receipt} by the contract at {@code anchor}. */
  public static List<AnchoredEvent> anchoredEvents(TransactionReceipt receipt, String anchor) {
    return AnchoredLogs.inReceipt(receipt, Hex.address("anchor", anchor));
  }

  /**
   * Decodes a raw log (topics 0x-hex, topic 0 first; data 0x-hex). Empty if topic 0 is not {@link
   * #ANCHORED_TOPIC} or the log is malformed (wrong topic count, dirty address word, undecodable
   * data, a count past 2^63-1): such a log cannot come from ConsentAnchor. The caller checks the
   * log's address.
   */
  public static Optional<AnchoredEvent> decodeAnchored(List<String> topics, String data) {
    return AnchoredLogs.decode(topics, data);
  }

  private String submitData(String data) {
    EstimatingSender.Sent sent = rpc("send", () -> sender.submit(data), Reason.UNAVAILABLE);
    if (sent.refused()) {
      throw new ConsentAnchorException(
          Reason.REJECTED, "anchor refused: " + sent.refusal().getMessage(), null, null);
    }
    return sent.txHash();
  }

  private static TransactionReceiptProcessor defaultReceipts(Web3j web3j) {
    return new PollingTransactionReceiptProcessor(
        web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS);
  }

  /** Runs a node call, turning every failure into a {@link ConsentAnchorException}. */
  private static <T> T rpc(String what, Callable<T> call, Reason otherwise) {
    // No reason of its own for a failed call: the step's reason names it.
    return RpcCall.run(
        what,
        call,
        ConsentAnchorException.class,
        (reason, message, cause) -> new ConsentAnchorException(reason, message, null, cause),
        Reason.UNAVAILABLE,
        otherwise,
        otherwise);
  }
}

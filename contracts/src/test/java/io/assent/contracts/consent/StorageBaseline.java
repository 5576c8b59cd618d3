package io.assent.contracts.consent;

import io.assent.contracts.devchain.Anvil;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * src/test/solidity/StorageBaseline.sol, compiled here with the build's solc-js script and driven
 * without a binding: the "one storage write per record" baseline of the gas comparison.
 */
final class StorageBaseline {

  private static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(29_000_000L);

  private final Anvil anvil;
  private final TransactionManager transactions;
  private final String address;

  private StorageBaseline(Anvil anvil, TransactionManager transactions, String address) {
    this.anvil = anvil;
    this.transactions = transactions;
    this.address = address;
  }

  static StorageBaseline deploy(Anvil anvil, Path workDir) throws Exception {
    TransactionManager transactions = anvil.transactionManager(Anvil.devCredentials(1));
    String bin = "0x" + Files.readString(compile(workDir).resolve("StorageBaseline.bin")).strip();
    TransactionReceipt receipt =
        receipt(
            anvil,
            transactions.sendTransaction(GAS_PRICE, GAS_LIMIT, null, bin, BigInteger.ZERO, true));
    return new StorageBaseline(anvil, transactions, receipt.getContractAddress());
  }

  /** Gas used by one transaction that writes one new slot per id. */
  long store(List<byte[]> ids) throws Exception {
    List<Bytes32> words = ids.stream().map(Bytes32::new).toList();
    String data =
        FunctionEncoder.encode(
            new Function("store", List.of(new DynamicArray<>(Bytes32.class, words)), List.of()));
    EthSendTransaction sent =
        transactions.sendTransaction(GAS_PRICE, GAS_LIMIT, address, data, BigInteger.ZERO);
    return receipt(anvil, sent).getGasUsed().longValueExact();
  }

  private static TransactionReceipt receipt(Anvil anvil, EthSendTransaction sent) throws Exception {
    if (sent.hasError()) {
      throw new IllegalStateException(sent.getError().getMessage());
    }
    TransactionReceipt receipt =
        new PollingTransactionReceiptProcessor(anvil.web3j(), 50, 600)
            .waitForTransactionReceipt(sent.getTransactionHash());
    if (!receipt.isStatusOK()) {
      throw new IllegalStateException("baseline transaction reverted");
    }
    return receipt;
  }

  private static Path compile(Path out) throws IOException, InterruptedException {
    Process solc =
        new ProcessBuilder("node", "scripts/compile.mjs", "src/test/solidity", out.toString())
            .redirectErrorStream(true)
            .start();
    if (!solc.waitFor(120, TimeUnit.SECONDS)) {
      solc.destroyForcibly();
      throw new IllegalStateException("solc timed out");
    }
    String log = new String(solc.getInputStream().readAllBytes());
    if (solc.exitValue() != 0) {
      throw new IllegalStateException("solc failed: " + log);
    }
    return out;
  }
}

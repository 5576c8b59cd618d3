package io.assent.testnet.consent;

import io.assent.contracts.devchain.Anvil;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Everything the public chain holds that a transaction sender chose: the calldata of every
 * transaction of every block, and the topics and data of every log (all addresses), as one
 * lower-case hex string without 0x prefixes, one item per line.
 */
final class ChainBytes {
  private final String hex;
  private final int transactions;
  private final int logs;

  private ChainBytes(String hex, int transactions, int logs) {
    this.hex = hex;
    this.transactions = transactions;
    this.logs = logs;
  }

  static ChainBytes read(Anvil anvil) throws IOException {
    StringBuilder out = new StringBuilder();
    long head = anvil.blockNumber();
    int txCount = 0;
    for (long n = 0; n <= head; n++) {
      EthBlock.Block block =
          anvil
              .web3j()
              .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), true)
              .send()
              .getBlock();
      for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
        EthBlock.TransactionObject tx = (EthBlock.TransactionObject) result.get();
        out.append(clean(tx.getInput())).append('\n');
        txCount++;
      }
    }
    EthFilter all =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST,
            DefaultBlockParameterName.LATEST,
            java.util.List.of());
    int logCount = 0;
    for (EthLog.LogResult<?> result : anvil.web3j().ethGetLogs(all).send().getLogs()) {
      Log log = (Log) result.get();
      log.getTopics().forEach(t -> out.append(clean(t)).append('\n'));
      out.append(clean(log.getData())).append('\n');
      logCount++;
    }
    return new ChainBytes(out.toString(), txCount, logCount);
  }

  private static String clean(String hex) {
    return hex == null ? "" : Numeric.cleanHexPrefix(hex).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code bytes} appear anywhere, at a byte boundary. */
  boolean contains(byte[] bytes) {
    String needle = Numeric.toHexStringNoPrefix(bytes);
    for (int i = hex.indexOf(needle); i >= 0; i = hex.indexOf(needle, i + 1)) {
      if (byteAligned(i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} appears as UTF-8 bytes anywhere. */
  boolean containsText(String text) {
    return contains(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Items are separated by '\n', so alignment is counted from the start of the item's line. */
  private boolean byteAligned(int index) {
    int lineStart = hex.lastIndexOf('\n', index) + 1;
    return (index - lineStart) % 2 == 0;
  }

  int transactions() {
    return transactions;
  }

  int logs() {
    return logs;
  }
}

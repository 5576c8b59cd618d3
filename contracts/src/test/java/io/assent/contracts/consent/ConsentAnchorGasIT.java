package io.assent.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.contracts.devchain.Anvil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Gas of {@code anchor} by batch size and number of withdrawn ids, against the floor of
 * REFERENCE.md (~22,300 gas per transaction) and against one storage write per record (measured
 * with src/test/solidity/StorageBaseline.sol). Logs a Markdown table and writes it to
 * target/benchmarks/consent-anchor-gas.md. Bounds are loose on purpose: gas is not asserted
 * exactly.
 */
class ConsentAnchorGasIT {

  private static final Logger LOG = LoggerFactory.getLogger(ConsentAnchorGasIT.class);
  private static final long[] LEAVES = {1, 10, 100, 1_000, 10_000};
  private static final int[] WITHDRAWN = {0, 10, 100};
  private static final double FLOOR_PER_TX = 22_300;
  private static final int[] BASELINE_RECORDS = {1, 10, 100};

  @Test
  void anchoringCostsOneTransactionPerBatchNotOneWritePerRecord(@TempDir Path solcOut)
      throws Exception {
    try (Anvil anvil = Anvil.start()) {
      ConsentAnchorClient client =
          ConsentAnchorClient.deploy(
                  anvil.web3j(),
                  anvil.transactionManager(Anvil.devCredentials(0)),
                  Anvil.gasProvider())
              .withReceiptProcessor(new PollingTransactionReceiptProcessor(anvil.web3j(), 50, 600));
      long[][] gas = new long[LEAVES.length][WITHDRAWN.length];
      for (int i = 0; i < LEAVES.length; i++) {
        for (int w = 0; w < WITHDRAWN.length; w++) {
          byte[] root = ConsentAnchorIT.randomIds(1).get(0);
          gas[i][w] =
              client
                  .anchor(root, LEAVES[i], ConsentAnchorIT.randomIds(WITHDRAWN[w]))
                  .getGasUsed()
                  .longValueExact();
        }
      }
      StorageBaseline baseline = StorageBaseline.deploy(anvil, solcOut);
      long[] stored = new long[BASELINE_RECORDS.length];
      for (int b = 0; b < BASELINE_RECORDS.length; b++) {
        stored[b] = baseline.store(ConsentAnchorIT.randomIds(BASELINE_RECORDS[b]));
      }
      report(gas, stored);

      long perWithdrawal = (gas[3][2] - gas[3][0]) / 100;
      assertThat(gas[3][0] / (double) LEAVES[3])
          .as("gas per consent at 1,000")
          .isLessThanOrEqualTo(30);
      assertThat(gas[0][0]).as("a root-only anchor").isLessThan(30_000);
      assertThat(perWithdrawal).as("gas per withdrawn id").isBetween(1L, 1_500L);
      assertThat(stored[2] / BASELINE_RECORDS[2])
          .as("a storage write per record")
          .isGreaterThan(20_000);
    }
  }

  private static void report(long[][] gas, long[] stored) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(
        "| leaves | withdrawn ids | gas used | gas per consent | floor 22,300/N | one storage write per record |");
    lines.add("|---:|---:|---:|---:|---:|---:|");
    long storagePerRecord =
        stored[stored.length - 1] / BASELINE_RECORDS[BASELINE_RECORDS.length - 1];
    for (int i = 0; i < LEAVES.length; i++) {
      for (int w = 0; w < WITHDRAWN.length; w++) {
        lines.add(
            String.format(
                Locale.ROOT,
                "| %,d | %d | %,d | %,.1f | %,.1f | %,d |",
                LEAVES[i],
                WITHDRAWN[w],
                gas[i][w],
                gas[i][w] / (double) LEAVES[i],
                FLOOR_PER_TX / LEAVES[i],
                storagePerRecord));
      }
    }
    lines.add("");
    lines.add("| records stored one slot each (StorageBaseline) | gas used | gas per record |");
    lines.add("|---:|---:|---:|");
    for (int b = 0; b < BASELINE_RECORDS.length; b++) {
      lines.add(
          String.format(
              Locale.ROOT,
              "| %d | %,d | %,d |",
              BASELINE_RECORDS[b],
              stored[b],
              stored[b] / BASELINE_RECORDS[b]));
    }
    String table = String.join("\n", lines);
    LOG.info("ConsentAnchor gas (anvil, cancun):\n{}", table);
    Path out = Path.of("target/benchmarks/consent-anchor-gas.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table + "\n");
  }
}

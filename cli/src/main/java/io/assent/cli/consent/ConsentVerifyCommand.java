package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.CliException;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.did.UrlConverter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assent consent verify}: check a receipt against the chain, trusting no node. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Verify a consent receipt against the chain alone, trusting no node. Checks: leaf"
          + " (keccak256(salt ‖ RFC 8785 JCS(record)) equals the consent id), signature (the"
          + " EIP-712 typed data, bound to the receipt's chain and ConsentAnchor, recovers to the"
          + " record's signer), merkleProof (the leaf is under the root), chain (the endpoint is"
          + " on the receipt's chain), transaction (the anchoring transaction succeeded in the"
          + " stated block), anchorLog (it emitted Anchored with that root from the"
          + " ConsentAnchor), confirmations (at least --confirmations blocks deep). Also reports"
          + " whether an Anchored log since then lists the consent as withdrawn.",
      "Exit code: 0 every check passed; 1 a check failed (named on stderr) or the chain could"
          + " not be read; 2 usage error."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent consent verify receipt.json --rpc http://127.0.0.1:8545",
      "  assent consent verify receipt.json --rpc https://rpc.example --confirmations 12 --json"
    })
public final class ConsentVerifyCommand extends AssentCommand {

  @Parameters(index = "0", paramLabel = "RECEIPT", description = "The receipt file (JSON).")
  Path receiptFile;

  @Option(
      names = "--rpc",
      paramLabel = "URL",
      converter = UrlConverter.class,
      description = "Ethereum JSON-RPC endpoint of the chain to check against (setting; required).")
  URI rpc;

  @Option(
      names = "--anchor",
      paramLabel = "ADDR",
      converter = io.assent.cli.did.AddressConverter.class,
      description =
          "The ConsentAnchor contract you trust; the receipt must name it (setting; default: the"
              + " one the receipt names).")
  String anchor;

  @Option(
      names = "--confirmations",
      paramLabel = "K",
      defaultValue = "1",
      description = "Blocks the anchor must be deep, counting its own (default: ${DEFAULT-VALUE}).")
  long confirmations;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = io.assent.cli.did.ValidityConverter.class,
      description =
          "How long to wait for each JSON-RPC answer (setting; default: ${DEFAULT-VALUE}).")
  java.math.BigInteger timeout;

  @Override
  protected int run(Output out) {
    if (rpc == null) {
      throw new CliException(
          "invalidArgument", "missing --rpc URL (or the rpc setting): the chain to check against");
    }
    if (confirmations < 0) {
      throw new CliException("invalidArgument", "--confirmations must not be negative");
    }
    JsonNode receipt = read(context().expandHome(receiptFile.toString()));
    ReceiptVerifier.Result result;
    Duration wait = Duration.ofSeconds(timeout == null ? 120 : timeout.longValueExact());
    try (ChainRpc chain = new ChainRpc(rpc, wait)) {
      result = new ReceiptVerifier(chain, confirmations, anchor).verify(receipt);
    }
    out.result(json(result), text(result));
    if (!result.valid()) {
      List<String> failed =
          result.checks().stream().filter(c -> !c.ok()).map(ReceiptVerifier.Check::name).toList();
      out.note("receipt NOT verified: failed " + String.join(", ", failed));
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  }

  private static JsonNode read(Path file) {
    try {
      return Output.JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new CliException(
          "invalidReceipt", "cannot read receipt " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> json(ReceiptVerifier.Result result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("consentId", result.consentId());
    json.put("valid", result.valid());
    json.put(
        "checks",
        result.checks().stream()
            .map(c -> Map.of("name", c.name(), "ok", c.ok(), "detail", c.detail()))
            .toList());
    json.put(
        "withdrawal",
        result
            .withdrawal()
            .map(
                w -> Map.of("transactionHash", w.transactionHash(), "blockNumber", w.blockNumber()))
            .orElse(null));
    return json;
  }

  private static String text(ReceiptVerifier.Result result) {
    StringBuilder text = new StringBuilder("consent " + result.consentId() + "\n");
    for (ReceiptVerifier.Check check : result.checks()) {
      text.append(check.ok() ? "pass  " : "FAIL  ")
          .append(String.format("%-14s", check.name()))
          .append(check.detail())
          .append('\n');
    }
    text.append(
        result
            .withdrawal()
            .map(
                w ->
                    "withdrawn on chain in transaction "
                        + w.transactionHash()
                        + " (block "
                        + w.blockNumber()
                        + ")")
            .orElse("no withdrawal on chain"));
    text.append(result.valid() ? "\nreceipt verified" : "\nreceipt NOT verified");
    return text.toString();
  }
}

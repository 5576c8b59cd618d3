package io.assent.cli.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assent consent receipt}: fetch and keep the verifiable receipt of a consent. */
@Command(
    name = "receipt",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Fetch the consent receipt (GET /v1/consents/{id}/receipt, signed in with your key as for"
          + " 'list') and save it: the record, its salt, your signature, the Merkle proof and the"
          + " anchoring transaction. Check it against the chain with 'assent consent verify'."
          + " The node has a receipt once the consent is anchored."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent consent receipt 0x9c1e...7b --out receipt.json",
      "  assent consent verify receipt.json --rpc http://127.0.0.1:8545"
    })
public final class ConsentReceiptCommand extends SignedCommand {

  @Parameters(index = "0", paramLabel = "CONSENT_ID", converter = Bytes32Converter.class)
  String consentId;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to save it (default: ~/.assent/consents/<id>.receipt.json).")
  Path outFile;

  @Override
  protected int run(Output out) {
    try (ConsentApi api = nodeOptions.open()) {
      Signer who = unlock(api);
      JsonNode receipt = api.receipt(consentId, who.credentials());
      Path file =
          outFile != null
              ? context().expandHome(outFile.toString())
              : local().receiptFile(consentId);
      LocalConsents.write(file, Output.toJson(receipt));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("consentId", consentId);
      json.put("file", file.toString());
      out.result(json, "receipt of " + consentId + " saved to " + file);
    }
    return ExitCode.OK;
  }
}

package io.assent.cli.did;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.CliException;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.contracts.did.DidEthr;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assent did resolve}: the DID document, from the node's index. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Resolve a DID through the node (GET /1.0/identifiers/{did}, the Universal Resolver"
          + " interface) and print its DID document; with --json, the whole resolution result"
          + " (document and metadata).",
      "Without a DID, resolves the DID of --key. A deactivated DID resolves (exit 0) to an empty"
          + " document, with a note on stderr."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did resolve did:ethr:0x7a69:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
      "  assent did resolve --key alice --version-id 12 --json"
    })
public final class DidResolve extends AssentCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DID",
      converter = DidConverter.class,
      description = "The DID (default: the DID of --key).")
  DidEthr did;

  @Option(names = "--version-id", paramLabel = "BLOCK", description = "Resolve as of this block.")
  Long versionId;

  @Option(
      names = "--version-time",
      paramLabel = "TIME",
      description = "Resolve as of this time (e.g. 2025-01-31T12:00:00Z).")
  String versionTime;

  @ArgGroup(validate = false, heading = "%nKey (without a DID):%n")
  KeySelection keys = new KeySelection();

  @ArgGroup(validate = false, heading = "%nNode:%n")
  TransportOptions transport = new TransportOptions();

  @Override
  protected int run(Output out) {
    String target = did != null ? did.toString() : ownDid();
    try (NodeClient node = transport.nodeClient()) {
      NodeClient.Response response = node.resolve(target, query());
      JsonNode result = response.body();
      JsonNode metadata = result.path("didResolutionMetadata");
      if (metadata.hasNonNull("error") && response.status() != 410) {
        String error = metadata.get("error").asText();
        String message = metadata.path("message").asText("");
        throw new CliException(
            error,
            "cannot resolve " + target + ": " + error + (message.isEmpty() ? "" : ": " + message));
      }
      if (result.path("didDocumentMetadata").path("deactivated").asBoolean(false)) {
        out.note(target + " is deactivated");
      }
      out.result(result, Output.toJson(result.path("didDocument")));
    }
    return ExitCode.OK;
  }

  private String ownDid() {
    var key = keys.key(keys.keystore());
    return Dids.of(transport.chainId(this::typed), key.address()).toString();
  }

  private String query() {
    List<String> params = new ArrayList<>();
    if (versionId != null) {
      params.add("versionId=" + versionId);
    }
    if (versionTime != null) {
      params.add("versionTime=" + URLEncoder.encode(versionTime, StandardCharsets.UTF_8));
    }
    return String.join("&", params);
  }
}

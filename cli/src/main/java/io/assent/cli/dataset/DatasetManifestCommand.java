package io.assent.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.cli.AssentCommand;
import io.assent.cli.CliException;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import io.assent.cli.consent.Bytes32Converter;
import io.assent.cli.consent.ConsentTime;
import io.assent.cli.consent.Siwe;
import io.assent.cli.did.KeySelection;
import io.assent.cli.key.KeyEntry;
import io.assent.cli.key.Keystore;
import io.assent.cli.key.PasswordOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code assent dataset manifest}: the consented subset, as JSON Lines for a training pipeline. */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Fetch a dataset's consent manifest (GET /v1/datasets/{id}/consent-manifest), signed in as"
          + " the dataset's curator (Sign-In with Ethereum with your key, which must own the"
          + " curator identity or be its sigAuth delegate). JSON Lines, one consent per line:",
      "  with --purpose: the consents valid for that use at --at (default now), each with its"
          + " Merkle proof and anchoring transaction: {consentId, leaf, root, index, proof,"
          + " txHash, blockNumber, validFrom, validUntil, purposes};",
      "  with --withdrawn-since BLOCK: the consents withdrawn since that block, so a trainer can"
          + " drop their data: {consentId, withdrawnAt: {blockNumber, txHash}}.",
      "Written to --out FILE (else stdout). With --json, stdout gets one JSON document instead:"
          + " {dataset, count, file} with --out, else {dataset, entries: [...]}."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent dataset manifest 0x5d0e...c1 --purpose commercial-ai-training --out consented.jsonl",
      "  assent dataset manifest 0x5d0e...c1 --withdrawn-since 1200 --out withdrawn.jsonl"
    })
public final class DatasetManifestCommand extends AssentCommand {

  static final String STATEMENT = "Assent: read the consent manifest of my dataset";

  @Parameters(
      index = "0",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "The dataset id (0x + 64 hex).")
  String id;

  @Option(names = "--purpose", paramLabel = "PURPOSE", description = "Consents valid for this use.")
  String purpose;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      converter = ConsentTime.Start.class,
      description = "With --purpose: valid at this time (default: now).")
  Long at;

  @Option(
      names = "--withdrawn-since",
      paramLabel = "BLOCK",
      description = "Instead: consents withdrawn since this block.")
  Long withdrawnSince;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON Lines here.")
  Path outFile;

  @ArgGroup(validate = false, heading = "%nKey (the curator's):%n")
  KeySelection keys = new KeySelection();

  @ArgGroup(validate = false, heading = "%nPassword of the key:%n")
  PasswordOptions password = new PasswordOptions();

  @ArgGroup(validate = false, heading = "%nNode:%n")
  DatasetNodeOptions nodeOptions = new DatasetNodeOptions();

  @Override
  protected int run(Output out) {
    Map<String, Object> query = query();
    Keystore keystore = keys.keystore();
    KeyEntry key = keys.key(keystore);
    String lines;
    try (DatasetApi api = nodeOptions.open()) {
      String secret =
          password.read(context(), this::typed, "Password for key " + key.name() + ": ", false);
      Credentials credentials = keystore.unlock(key, secret);
      String authorization = Siwe.authorize(api.base(), api.chainId(), credentials, STATEMENT);
      lines = api.manifest(id, query, authorization);
    }
    ArrayNode entries = entries(lines);
    if (outFile != null) {
      Path file = context().expandHome(outFile.toString());
      write(file, lines);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("dataset", id);
      json.put("count", entries.size());
      json.put("file", file.toString());
      out.result(json, entries.size() + " consents written to " + file);
    } else {
      ObjectNode json = Output.JSON.createObjectNode().put("dataset", id);
      json.set("entries", entries);
      out.result(json, lines.stripTrailing());
    }
    return ExitCode.OK;
  }

  private Map<String, Object> query() {
    if ((purpose == null) == (withdrawnSince == null)) {
      throw new ParameterException(
          spec.commandLine(), "give either --purpose (with --at) or --withdrawn-since");
    }
    if (at != null && purpose == null) {
      throw new ParameterException(spec.commandLine(), "--at goes with --purpose");
    }
    if (withdrawnSince != null && withdrawnSince < 0) {
      throw new ParameterException(spec.commandLine(), "--withdrawn-since must not be negative");
    }
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("purpose", purpose);
    query.put("at", at);
    query.put("withdrawnSince", withdrawnSince);
    return query;
  }

  /** Checks that each line is a JSON object, so a broken answer is not passed on as a manifest. */
  private static ArrayNode entries(String lines) {
    ArrayNode entries = Output.JSON.createArrayNode();
    int number = 0;
    for (String line : lines.split("\n")) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode entry = Output.JSON.readTree(line);
        if (!entry.isObject()) {
          throw new IOException("not an object");
        }
        entries.add(entry);
      } catch (IOException e) {
        throw new CliException(
            "nodeError", "the node's manifest line " + number + " is not a JSON object");
      }
    }
    return entries;
  }

  private static void write(Path file, String lines) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      String text = lines.isEmpty() || lines.endsWith("\n") ? lines : lines + "\n";
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("fileError", "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
      "The valid (or withdrawn) consents of your dataset, as JSON Lines.",
      "Fetches the consent manifest (GET /v1/datasets/{id}/consent-manifest), signed in as"
          + " the dataset's curator (Sign-In with Ethereum with your key, which must own the"
          + " curator identity or be its sigAuth delegate). JSON Lines, one consent per line:",
      "  with --purpose: the anchored consents valid for that use at --at (default now), each"
          + " with its Merkle proof and anchoring transaction: {consentId, leaf, root, index,"
          + " proof, txHash, blockNumber, validFrom, validUntil, purposes};",
      "  with --withdrawn-since BLOCK: the consents whose withdrawal was anchored in that block or"
          + " later, so a trainer can drop their data: {consentId, withdrawnAt: {blockNumber,"
          + " txHash}}.",
      "Streamed to --out FILE (written whole or not at all), else to stdout. With --json, stdout"
          + " gets one JSON document instead: {dataset, count, file} with --out, else {dataset,"
          + " entries: [...]}.",
      "Purposes: commercial-ai-training, non-commercial-research, redistribution,"
          + " derivative-datasets."
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
    try (DatasetApi api = nodeOptions.open()) {
      String secret =
          password.read(context(), this::typed, "Password for key " + key.name() + ": ", false);
      Credentials credentials = keystore.unlock(key, secret);
      String authorization = Siwe.authorize(api.base(), api.chainId(), credentials, STATEMENT);
      if (outFile != null) {
        toFile(out, api, query, authorization, context().expandHome(outFile.toString()));
      } else if (out.json()) {
        ArrayNode entries = Output.JSON.createArrayNode();
        api.manifest(id, query, authorization, new Lines((line, entry) -> entries.add(entry)));
        ObjectNode json = Output.JSON.createObjectNode().put("dataset", id);
        json.set("entries", entries);
        out.result(json, "");
      } else {
        api.manifest(
            id, query, authorization, new Lines((line, entry) -> context().out().println(line)));
        context().out().flush();
      }
    }
    return ExitCode.OK;
  }

  /** Streams to a temp file next to {@code file}, then moves it in place: whole or nothing. */
  private void toFile(
      Output out, DatasetApi api, Map<String, Object> query, String authorization, Path file) {
    Path temp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, ".manifest-", ".part");
      int count;
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        Lines lines = new Lines((line, entry) -> write(writer, line));
        api.manifest(id, query, authorization, lines);
        count = lines.count;
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("dataset", id);
      json.put("count", count);
      json.put("file", file.toString());
      out.result(json, count + " consents written to " + file);
    } catch (IOException | UncheckedIOException e) {
      throw new CliException("fileError", "cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // best effort: the partial file is hidden and marked .part
        }
      }
    }
  }

  private static void write(Writer writer, String line) {
    try {
      writer.write(line);
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /**
   * Checks that each non-blank line is one JSON object (a broken answer is not passed on as a
   * manifest), passes it on as received with its parsed form, and counts.
   */
  private static final class Lines implements Consumer<String> {
    private final BiConsumer<String, JsonNode> next;
    private int number;
    int count;

    Lines(BiConsumer<String, JsonNode> next) {
      this.next = next;
    }

    @Override
    public void accept(String line) {
      number++;
      if (line.isBlank()) {
        return;
      }
      JsonNode entry;
      try {
        entry = Output.JSON.readTree(line);
      } catch (IOException e) {
        entry = null;
      }
      if (entry == null || !entry.isObject()) {
        throw new CliException(
            "nodeError", "line " + number + " of the node's manifest is not a JSON object");
      }
      count++;
      next.accept(line, entry);
    }
  }
}

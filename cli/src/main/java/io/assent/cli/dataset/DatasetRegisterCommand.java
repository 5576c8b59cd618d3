package io.assent.cli.dataset;

import io.assent.cli.Output;
import io.assent.cli.consent.Bytes32Converter;
import io.assent.contracts.dataset.DatasetOperation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code assent dataset register}: a new dataset, from flags or a Croissant file. */
@Command(
    name = "register",
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Register a dataset, from flags or a Croissant file.",
      "Curator, name, version, SPDX license, parents, content digest and"
          + " metadata digest and URI. Its id, keccak256(abi.encode(curator, keccak256(name),"
          + " keccak256(version))), is printed before anything is sent. Parents must be"
          + " registered already and can never change. Signed by the curator identity's owner or"
          + " a veriKey/sigAuth delegate.",
      "",
      "--croissant FILE reads a Croissant 1.0 or 1.1 JSON-LD file (it needs @context, @type"
          + " sc:Dataset, conformsTo http://mlcommons.org/croissant/1.0 or 1.1, and for 1.1"
          + " creator). A flag given as well wins over the file. From the file:",
      "  name, version         name and version (a number version as written);",
      "  license               each value an SPDX id or expression, an SPDX URL"
          + " (https://spdx.org/licenses/CC-BY-4.0.html) or a Creative Commons URL"
          + " (https://creativecommons.org/licenses/by/4.0/) → its SPDX id; several values mean"
          + " all of them apply: joined with AND (use --license to say OR); any other URL is"
          + " refused;",
      "  metadata URI          url;",
      "  parents               prov:wasDerivedFrom values that are dataset ids (0x + 64 hex);"
          + " other sources are reported, not registered;",
      "  content digest        SHA-256 over the sha256 values of every cr:FileObject in"
          + " distribution, as 32-byte values sorted ascending and concatenated (duplicates"
          + " kept); every FileObject needs a sha256 (FileSets have none and are skipped). The"
          + " same in a shell: jq -r '.distribution[].sha256 // empty' metadata.json | tr A-F a-f"
          + " | LC_ALL=C sort | xxd -r -p | sha256sum",
      "  metadata digest       SHA-256 of the file's RFC 8785 (JCS) canonical form: the JSON as"
          + " written, members sorted, no whitespace.",
      "creator is shown but not registered (the curator is the identity that signs). A missing"
          + " or malformed field fails with one line naming it, e.g. \"croissant: missing required"
          + " field 'license' (or give --license)\"."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent dataset register --croissant metadata.json",
      "  assent dataset register --croissant metadata.json --dry-run --json",
      "  assent dataset register --name harbour-voices --version 2.1.0 --license CC-BY-4.0 \\",
      "      --content-digest 0x6764...79b0 --parent 0x1c8a...eac8"
    })
public final class DatasetRegisterCommand extends DatasetMutation {

  // No mixinStandardHelpOptions: its --version would clash with the dataset's --version.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = "--croissant",
      paramLabel = "FILE",
      description = "Take the registration from this Croissant 1.0/1.1 metadata file.")
  Path croissantFile;

  @Option(
      names = "--curator",
      paramLabel = "DID|ADDRESS",
      converter = IdentityRef.Converter.class,
      description = "The curator identity (default: the signing key's own DID).")
  IdentityRef curator;

  @Option(names = "--name", paramLabel = "NAME", description = "The dataset's name.")
  String name;

  @Option(names = "--version", paramLabel = "VERSION", description = "Its version.")
  String version;

  @Option(
      names = "--license",
      paramLabel = "SPDX",
      description = "SPDX license expression, e.g. CC-BY-NC-4.0 or 'MIT OR Apache-2.0'.")
  String license;

  @Option(
      names = "--parent",
      paramLabel = "ID",
      converter = Bytes32Converter.class,
      description = "A registered dataset this one derives from (repeatable).")
  List<String> parents = new ArrayList<>();

  @Option(
      names = "--content-digest",
      paramLabel = "0x…",
      converter = Bytes32Converter.class,
      description = "32-byte digest of the content.")
  String contentDigest;

  @Option(names = "--metadata-uri", paramLabel = "URI", description = "Where the metadata is.")
  String metadataUri;

  @Option(
      names = "--metadata-digest",
      paramLabel = "0x…",
      converter = Bytes32Converter.class,
      description = "32-byte digest of the metadata (default: zero, or from --croissant).")
  String metadataDigest;

  @Option(names = "--dry-run", description = "Only show the registration and its id.")
  boolean dryRun;

  private Croissant croissant;

  @Override
  protected void check() {
    croissant =
        croissantFile == null
            ? null
            : CroissantReader.read(context().expandHome(croissantFile.toString()));
    if (croissant == null) {
      for (String[] flag :
          new String[][] {
            {"--name", name},
            {"--version", version},
            {"--license", license},
            {"--content-digest", contentDigest}
          }) {
        if (flag[1] == null) {
          throw new ParameterException(
              spec.commandLine(), "missing " + flag[0] + " (or take it from --croissant FILE)");
        }
      }
    }
    name = name != null ? name : croissant.requireName();
    version = version != null ? version : croissant.requireVersion();
    license =
        license != null
            ? SpdxLicenses.checked(license, "--license '" + license + "'")
            : croissant.requireLicense();
    contentDigest = contentDigest != null ? contentDigest : croissant.requireContentDigest();
    metadataUri =
        metadataUri != null ? metadataUri : croissant == null ? "" : croissant.requireUrl();
    metadataDigest =
        metadataDigest != null
            ? metadataDigest
            : croissant == null ? "0x" + "00".repeat(32) : croissant.metadataDigest();
    Set<String> all = new LinkedHashSet<>(croissant == null ? List.of() : croissant.parents());
    all.addAll(parents);
    parents = new ArrayList<>(all);
  }

  @Override
  protected boolean dryRun() {
    return dryRun;
  }

  @Override
  protected boolean needsSigner() {
    return curator == null;
  }

  @Override
  protected DatasetOperation operation(Target target) {
    String curatorAddress =
        curator == null
            ? target.signer()
            : curator.addressOn("--curator", target.chainId(), target.networkNames());
    return new DatasetOperation.Register(
        curatorAddress,
        name,
        version,
        contentDigest,
        metadataDigest,
        metadataUri,
        license,
        parents);
  }

  @Override
  protected void announce(Output out, DatasetOperation operation) {
    if (croissant != null) {
      for (String source : croissant.otherSources()) {
        out.note(
            "croissant: prov:wasDerivedFrom '"
                + source
                + "' is not a dataset id; not registered as a parent (name it with --parent ID)");
      }
    }
    if (!out.json()) {
      context().out().println(summary(operation));
      context().out().flush();
    }
  }

  /** The registration was printed before sending ({@link #announce}). */
  @Override
  protected String sent(DatasetOperation operation) {
    return "";
  }

  @Override
  protected String summary(DatasetOperation operation) {
    DatasetOperation.Register r = (DatasetOperation.Register) operation;
    StringBuilder text = new StringBuilder("dataset id ").append(r.datasetId());
    text.append("\n  name      ").append(r.name()).append(' ').append(r.version());
    text.append("\n  curator   ").append(r.curator());
    text.append("\n  license   ").append(r.license());
    text.append("\n  parents   ")
        .append(r.parents().isEmpty() ? "none" : String.join(", ", r.parents()));
    text.append("\n  content   ").append(r.contentDigest());
    text.append("\n  metadata  ").append(r.metadataDigest()).append(' ').append(r.metadataUri());
    if (croissant != null && !croissant.creators().isEmpty()) {
      text.append("\n  creators  ").append(String.join(", ", croissant.creators()));
    }
    return text.toString();
  }

  @Override
  protected void describe(DatasetOperation operation, Map<String, Object> json) {
    DatasetOperation.Register r = (DatasetOperation.Register) operation;
    json.put("curator", r.curator());
    json.put("name", r.name());
    json.put("version", r.version());
    json.put("license", r.license());
    json.put("parents", r.parents());
    json.put("contentDigest", r.contentDigest());
    json.put("metadataDigest", r.metadataDigest());
    json.put("metadataUri", r.metadataUri());
    if (croissant != null) {
      json.put(
          "croissant",
          Map.of(
              "file", croissant.file().toString(),
              "conformsTo", croissant.conformsTo(),
              "creators", croissant.creators(),
              "otherSources", croissant.otherSources()));
    }
  }
}

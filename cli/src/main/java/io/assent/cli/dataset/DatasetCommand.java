package io.assent.cli.dataset;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assent dataset}: register datasets, and ask what they may be used for. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Register datasets with their license and lineage, change them, and ask whether they may"
          + " be used for a purpose. A dataset's id is keccak256(abi.encode(curator,"
          + " keccak256(name), keccak256(version))): known before it is registered. Changes are"
          + " EIP-712 typed data signed here with a key that owns the curator identity or is its"
          + " veriKey/sigAuth delegate; the Assent node at --node relays them (and pays the gas),"
          + " or with --rpc and --dataset-registry they are sent from the key's own account.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      DatasetRegisterCommand.class,
      DatasetShowCommand.class,
      DatasetListCommand.class,
      DatasetLineageCommand.class,
      DatasetPermitsCommand.class,
      DatasetManifestCommand.class,
      DatasetUpdateLicenseCommand.class,
      DatasetDeprecateCommand.class,
      DatasetTransferCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent dataset register --croissant metadata.json",
      "  assent dataset register --name corpus --version 2.0 --license CC-BY-NC-4.0 \\",
      "      --parent 0x5d0e...c1 --content-digest 0x... --metadata-uri https://... \\",
      "      --metadata-digest 0x...",
      "  assent dataset show 0x5d0e...c1",
      "  assent dataset list --license CC-BY-4.0",
      "  assent dataset lineage 0x7b21...9e",
      "  assent dataset permits 0x7b21...9e --purpose commercial-ai-training",
      "  assent dataset manifest 0x7b21...9e --purpose commercial-ai-training \\",
      "      --out consented.jsonl",
      "  assent dataset update-license 0x7b21...9e --license CC-BY-4.0",
      "  assent dataset transfer 0x7b21...9e --to did:ethr:0x7a69:0x7099...79c8",
      "  assent dataset deprecate 0x7b21...9e --reason 'superseded by 3.0'"
    })
public final class DatasetCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: register, show, list, lineage, permits, manifest, update-license,"
            + " deprecate or transfer");
  }
}

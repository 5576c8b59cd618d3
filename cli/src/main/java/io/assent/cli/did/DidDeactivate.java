package io.assent.cli.did;

import io.assent.cli.CliException;
import io.assent.contracts.did.Erc1056Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assent did deactivate --yes}: changeOwner to 0x0, for good. */
@Command(
    name = "deactivate",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Deactivate the DID: its owner becomes 0x0 (registry changeOwner). IRREVERSIBLE: no key can"
          + " change the DID again, and resolvers return an empty, deactivated document."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent did deactivate --key alice --yes"})
public final class DidDeactivate extends MutationCommand {

  @Option(names = "--yes", description = "Confirm: deactivation cannot be undone.")
  boolean yes;

  @Override
  protected Change change() {
    if (!yes) {
      throw new CliException(
          "confirmationRequired",
          "deactivating a DID is irreversible (nobody can change it again); add --yes to confirm");
    }
    return new Change(
        "deactivate (irreversible)",
        identity -> new Erc1056Operation.ChangeOwner(identity, Transport.ZERO_ADDRESS));
  }
}

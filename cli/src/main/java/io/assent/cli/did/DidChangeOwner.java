package io.assent.cli.did;

import io.assent.cli.CliException;
import io.assent.contracts.did.Erc1056Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assent did change-owner}: changeOwner to another address. */
@Command(
    name = "change-owner",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Hand the DID to a new owner (registry changeOwner). From then on only the new owner's key"
          + " can change it; to act on it with that key, use --did.",
      "To end a DID for good, use 'assent did deactivate'."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did change-owner --key alice \\",
      "      --new-owner 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"
    })
public final class DidChangeOwner extends MutationCommand {

  @Option(
      names = "--new-owner",
      required = true,
      paramLabel = "ADDR",
      converter = AddressConverter.class,
      description = "The new owner's address.")
  String newOwner;

  @Override
  protected Change change() {
    if (newOwner.equals(Transport.ZERO_ADDRESS)) {
      throw new CliException(
          "invalidArgument",
          "the zero address deactivates the DID; use 'assent did deactivate --yes' if you mean it");
    }
    return new Change(
        "change owner to " + newOwner,
        identity -> new Erc1056Operation.ChangeOwner(identity, newOwner));
  }
}

package io.assent.cli.key;

import io.assent.cli.AssentCommand;
import io.assent.cli.CliException;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assent key delete --yes}: removes a keystore file. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Delete a key from the keystore. Without a copy (assent key export), the key and control of"
          + " the DIDs it owns are gone for good; hence --yes."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  assent key delete --name bob --yes"})
public final class KeyDelete extends AssentCommand {

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME|ADDRESS",
      description = "The key: alias or address.")
  String name;

  @Option(names = "--yes", description = "Confirm the deletion.")
  boolean yes;

  @Mixin KeystoreOption keystore;

  @Override
  protected int run(Output out) {
    Keystore store = keystore.keystore();
    KeyEntry entry = store.find(name);
    if (!yes) {
      throw new CliException(
          "confirmationRequired",
          "deleting key " + entry.label() + " cannot be undone; add --yes to confirm");
    }
    store.delete(entry);
    out.result(KeyNew.describe(entry), "deleted key " + entry.label());
    return ExitCode.OK;
  }
}

package io.assent.cli.key;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assent key}: the local keystore. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Manage the local keystore: Ethereum V3 keystore files (scrypt-encrypted), one per key,"
          + " named by an alias. A key's address is also its DID's identifier.",
      "Passwords are never arguments: they come from --password-file, --password-env"
          + " (or ASSENT_PASSWORD), or the terminal.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      KeyNew.class,
      KeyList.class,
      KeyImport.class,
      KeyExport.class,
      KeyDelete.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent key new --name alice",
      "  assent key list --chain-id 31337",
      "  assent key import --name bob --private-key-file bob.hex",
      "  assent key import --name carol --keyfile UTC--2024-...--0x1234.json",
      "  assent key export --name alice > alice.json",
      "  assent key delete --name bob --yes"
    })
public final class KeyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: new, list, import, export or delete");
  }
}

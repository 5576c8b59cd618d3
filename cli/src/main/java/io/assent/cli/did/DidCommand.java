package io.assent.cli.did;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assent did}: show, resolve and change DIDs. */
@Command(
    name = "did",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Show, resolve and change did:ethr DIDs. A key's DID is did:ethr:0x<chainId>:0x<address>.",
      "Changes are signed with a key from the keystore. By default they are relayed by the Assent"
          + " node at --node, which pays the gas: the CLI reads the registry and the owner's nonce"
          + " from the node, signs the ERC-1056 hash, and posts the signed operation. With --rpc"
          + " and --registry they are sent as transactions from the key's own account (it pays"
          + " the gas), and the CLI waits for the receipt.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      DidShow.class,
      DidResolve.class,
      DidAddKey.class,
      DidRevokeKey.class,
      DidAddService.class,
      DidRevokeService.class,
      DidAddDelegate.class,
      DidRevokeDelegate.class,
      DidChangeOwner.class,
      DidDeactivate.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did show --key alice --chain-id 31337",
      "  assent did resolve did:ethr:0x7a69:0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
      "  assent did add-service --type ConsentService --endpoint https://node.example",
      "  assent did add-delegate --key alice --delegate 0x7099...79C8 --validity 30d",
      "  assent did change-owner --key alice --new-owner 0x3C44...93BC",
      "  assent did deactivate --key alice --yes"
    })
public final class DidCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: show, resolve, add-key, add-service, add-delegate, revoke-key,"
            + " revoke-service, revoke-delegate, change-owner or deactivate");
  }
}

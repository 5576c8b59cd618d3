package io.assent.cli.consent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code assent consent}: grant, withdraw, prove and erase dataset consents. */
@Command(
    name = "consent",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Grant, withdraw, prove and erase dataset consents. Grants, withdrawals and erasures are"
          + " EIP-712 typed data signed here with your key (the key never leaves this machine) and"
          + " posted to the Assent node at --node. The node anchors each consent's leaf in a"
          + " Merkle root on chain; no personal data goes on chain. Your own copies live in"
          + " ~/.assent/consents/.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      ConsentGrantCommand.class,
      ConsentWithdrawCommand.class,
      ConsentShowCommand.class,
      ConsentListCommand.class,
      ConsentReceiptCommand.class,
      ConsentVerifyCommand.class,
      ConsentCheckCommand.class,
      ConsentEraseCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent consent grant --dataset 0x3f5c...a1 --purpose ai:ModelTraining --jurisdiction EU \\",
      "      --until 2027-06-30",
      "  assent consent list",
      "  assent consent show 0x9c1e...7b",
      "  assent consent receipt 0x9c1e...7b --out receipt.json",
      "  assent consent verify receipt.json --rpc http://127.0.0.1:8545",
      "  assent consent check --subject did:ethr:0x7a69:0xf39f...2266 --dataset 0x3f5c...a1 \\",
      "      --purpose ai:ModelTraining",
      "  assent consent withdraw 0x9c1e...7b",
      "  assent consent erase 0x9c1e...7b --yes"
    })
public final class ConsentCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: grant, withdraw, show, list, receipt, verify, check or erase");
  }
}

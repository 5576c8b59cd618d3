package io.assent.cli.did;

import io.assent.contracts.did.Erc1056Operation;
import java.math.BigInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assent did add-delegate}: addDelegate. */
@Command(
    name = "add-delegate",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description =
        "Let another address sign for the DID for --validity (registry addDelegate): veriKey"
            + " delegates sign assertions (e.g. consents); sigAuth delegates may also authenticate.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did add-delegate --delegate-type sigAuth --validity 30d \\",
      "      --delegate 0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
    })
public final class DidAddDelegate extends MutationCommand {

  @Mixin DelegateOptions delegate;

  @Option(
      names = "--validity",
      defaultValue = "365d",
      paramLabel = "DURATION",
      converter = ValidityConverter.class,
      description =
          "How long the delegate may sign: seconds, or 90d, 12h (default: ${DEFAULT-VALUE}).")
  BigInteger validity;

  @Override
  protected Change change() {
    byte[] type = delegate.delegateType();
    return new Change(
        "add " + delegate.type + " delegate " + delegate.delegate,
        identity -> new Erc1056Operation.AddDelegate(identity, type, delegate.delegate, validity));
  }
}

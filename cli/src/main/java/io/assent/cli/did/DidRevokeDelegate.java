package io.assent.cli.did;

import io.assent.contracts.did.Erc1056Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code assent did revoke-delegate}: revokeDelegate. */
@Command(
    name = "revoke-delegate",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = "End a delegate's right to sign for the DID now (registry revokeDelegate).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did revoke-delegate --delegate-type sigAuth \\",
      "      --delegate 0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
    })
public final class DidRevokeDelegate extends MutationCommand {

  @Mixin DelegateOptions delegate;

  @Override
  protected Change change() {
    byte[] type = delegate.delegateType();
    return new Change(
        "revoke " + delegate.type + " delegate " + delegate.delegate,
        identity -> new Erc1056Operation.RevokeDelegate(identity, type, delegate.delegate));
  }
}

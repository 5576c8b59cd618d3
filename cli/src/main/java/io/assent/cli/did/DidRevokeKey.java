package io.assent.cli.did;

import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code assent did revoke-key}: revokeAttribute with the same name and value as add-key. */
@Command(
    name = "revoke-key",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description =
        "Revoke a public key added with add-key: give the same algorithm, purpose, encoding and"
            + " key (the registry matches name and value).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did revoke-key --algorithm Ed25519 --encoding base58 \\",
      "      --public-key 2QnX1vU3iNvTjHhpHzt1mPjMzs4wJ4ejNr6gdXXZqsmr"
    })
public final class DidRevokeKey extends MutationCommand {

  @Mixin PublicKeyOptions key;

  @Override
  protected Change change() {
    String name = key.attributeName();
    byte[] value = key.keyBytes();
    return new Change(
        "revoke key " + name,
        identity -> new Erc1056Operation.RevokeAttribute(identity, DidNames.encode(name), value));
  }
}

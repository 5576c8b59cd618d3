package io.assent.cli.did;

import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code assent did revoke-service}: revokeAttribute with the same type and endpoint. */
@Command(
    name = "revoke-service",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description =
        "Revoke a service added with add-service: give the same type and endpoint (the registry"
            + " matches name and value).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did revoke-service --type ConsentService \\",
      "      --endpoint https://node.example"
    })
public final class DidRevokeService extends MutationCommand {

  @Mixin ServiceOptions service;

  @Override
  protected Change change() {
    String name = service.attributeName();
    byte[] value = service.value();
    return new Change(
        "revoke service " + name + " " + service.endpoint.strip(),
        identity -> new Erc1056Operation.RevokeAttribute(identity, DidNames.encode(name), value));
  }
}

package io.assent.cli.did;

import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import java.math.BigInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assent did add-service}: setAttribute {@code did/svc/<type>}. */
@Command(
    name = "add-service",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description =
        "Add a service endpoint to the DID document, valid for --validity (registry setAttribute"
            + " did/svc/<type>). A curator's ConsentService names the node that receives consents.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did add-service --type ConsentService --endpoint https://node.example",
      "  assent did add-service --rpc http://127.0.0.1:8545 --registry 0x5FbD... \\",
      "      --type ConsentService --endpoint https://node.example --validity 90d"
    })
public final class DidAddService extends MutationCommand {

  @Mixin ServiceOptions service;

  @Option(
      names = "--validity",
      defaultValue = "365d",
      paramLabel = "DURATION",
      converter = ValidityConverter.class,
      description =
          "How long the service is listed: seconds, or 90d, 12h (default: ${DEFAULT-VALUE}).")
  BigInteger validity;

  @Override
  protected Change change() {
    String name = service.attributeName();
    byte[] value = service.value();
    return new Change(
        "add service " + name + " " + service.endpoint.strip(),
        identity ->
            new Erc1056Operation.SetAttribute(identity, DidNames.encode(name), value, validity));
  }
}

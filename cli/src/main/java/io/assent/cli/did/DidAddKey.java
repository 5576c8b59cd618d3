package io.assent.cli.did;

import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import java.math.BigInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assent did add-key}: setAttribute {@code did/pub/<alg>/<purpose>/<enc>}. */
@Command(
    name = "add-key",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description =
        "Add a public key to the DID document, valid for --validity (registry setAttribute"
            + " did/pub/<algorithm>/<purpose>/<encoding>).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent did add-key --algorithm Ed25519 --encoding base58 \\",
      "      --public-key 2QnX1vU3iNvTjHhpHzt1mPjMzs4wJ4ejNr6gdXXZqsmr --validity 365d",
      "  assent did add-key --algorithm X25519 --purpose enc --encoding base64 \\",
      "      --public-key 3o6z0t7Qmvr2AXfCR4KPNxPdtDnDM7r2TZRxCjwTKD8= --validity 90d"
    })
public final class DidAddKey extends MutationCommand {

  @Mixin PublicKeyOptions key;

  @Option(
      names = "--validity",
      defaultValue = "365d",
      paramLabel = "DURATION",
      converter = ValidityConverter.class,
      description =
          "How long the key is valid: seconds, or 90d, 12h, 30m (default: ${DEFAULT-VALUE}).")
  BigInteger validity;

  @Override
  protected Change change() {
    String name = key.attributeName();
    byte[] value = key.keyBytes();
    return new Change(
        "add key " + name,
        identity ->
            new Erc1056Operation.SetAttribute(identity, DidNames.encode(name), value, validity));
  }
}

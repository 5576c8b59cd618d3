package io.assent.cli.key;

import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assent key export}: the V3 keystore file, or (deliberately) the raw private key. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Print a key's V3 keystore JSON (still encrypted; importable by other wallets).",
      "With --private-key: unlock it and print the raw private key instead. Anyone who sees that"
          + " key controls the key and every DID it owns."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent key export --name alice > alice.json",
      "  assent key export --name alice --private-key --password-file pw.txt"
    })
public final class KeyExport extends AssentCommand {

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME|ADDRESS",
      description = "The key: alias or address.")
  String name;

  @Option(names = "--private-key", description = "Print the raw private key (asks the password).")
  boolean privateKey;

  @Mixin KeystoreOption keystore;

  @ArgGroup(validate = false, heading = "%nPassword (with --private-key):%n")
  PasswordOptions password = new PasswordOptions();

  @Override
  protected int run(Output out) throws Exception {
    Keystore store = keystore.keystore();
    KeyEntry entry = store.find(name);
    if (!privateKey) {
      String keyfile = store.json(entry);
      Map<String, Object> json = KeyNew.describe(entry);
      json.put("keyfile", Output.JSON.readTree(keyfile));
      out.result(json, keyfile.strip());
      return ExitCode.OK;
    }
    String secret =
        password.read(context(), this::typed, "Password for key " + entry.name() + ": ", false);
    Credentials credentials = store.unlock(entry, secret);
    String hex =
        Numeric.toHexStringWithPrefixZeroPadded(credentials.getEcKeyPair().getPrivateKey(), 64);
    out.note(
        "warning: this is the raw private key of "
            + entry.label()
            + "; anyone who sees it controls the key and its DIDs");
    Map<String, Object> json = KeyNew.describe(entry);
    json.put("privateKey", hex);
    out.result(json, hex);
    return ExitCode.OK;
  }
}

package io.assent.cli.key;

import io.assent.cli.AssentCommand;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assent key new}: generates a key and stores it encrypted. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = "Generate a new secp256k1 key and store it in the keystore, encrypted.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent key new --name alice                 (asks for the password twice)",
      "  ASSENT_PASSWORD=... assent key new --name ci --kdf light"
    })
public final class KeyNew extends AssentCommand {

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Alias of the key.")
  String name;

  @Option(
      names = "--kdf",
      paramLabel = "standard|light",
      description =
          "Encryption cost (setting; default: ${DEFAULT-VALUE}). 'light' unlocks ~60x faster,"
              + " and is as much cheaper to brute-force: for tests and scripts only.")
  Kdf kdf;

  @Mixin KeystoreOption keystore;

  @ArgGroup(validate = false, heading = "%nPassword:%n")
  PasswordOptions password = new PasswordOptions();

  @Override
  protected int run(Output out) {
    Keystore store = keystore.keystore();
    store.checkNew(name, null);
    String secret =
        password.read(context(), this::typed, "New password for key " + name + ": ", true);
    KeyEntry entry = store.create(name, secret, kdf);
    out.result(describe(entry), "created key " + entry.label() + " in " + entry.file());
    return ExitCode.OK;
  }

  static Map<String, Object> describe(KeyEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", entry.name());
    json.put("address", entry.address());
    json.put("file", entry.file().toString());
    return json;
  }
}

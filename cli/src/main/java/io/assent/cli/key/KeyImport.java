package io.assent.cli.key;

import io.assent.cli.AssentCommand;
import io.assent.cli.CliException;
import io.assent.cli.ExitCode;
import io.assent.cli.Output;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assent key import}: a raw private key, or an existing V3 keystore file. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Import a key: an existing V3 keystore file (--keyfile; kept as it is, unlocked once with"
          + " its password to check it), or a raw private key (from --private-key-file,"
          + " --private-key-env, or the terminal; encrypted with a new password).",
      "The private key is never a plain argument, so it never shows in 'ps' or shell history."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  assent key import --name bob          (asks for the key, then a new password)",
      "  assent key import --name bob --private-key-file bob.hex --password-file pw.txt",
      "  assent key import --name carol --keyfile ~/.ethereum/keystore/UTC--...json"
    })
public final class KeyImport extends AssentCommand {

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Alias of the key.")
  String name;

  @ArgGroup(exclusive = true, heading = "%nSource (default: ask for the private key):%n")
  Source source;

  @Option(
      names = "--kdf",
      paramLabel = "standard|light",
      description = "Encryption cost of a raw key (setting; default: ${DEFAULT-VALUE}).")
  Kdf kdf;

  @Mixin KeystoreOption keystore;

  @ArgGroup(validate = false, heading = "%nPassword:%n")
  PasswordOptions password = new PasswordOptions();

  static final class Source {
    @Option(
        names = "--keyfile",
        paramLabel = "FILE",
        description = "An Ethereum V3 keystore JSON file.")
    Path keyfile;

    @Option(
        names = "--private-key-file",
        paramLabel = "FILE",
        description = "A file holding the hex private key ('-': stdin).")
    Path privateKeyFile;

    @Option(
        names = "--private-key-env",
        paramLabel = "VAR",
        description = "An environment variable holding the hex private key.")
    String privateKeyEnv;
  }

  @Override
  protected int run(Output out) {
    Keystore store = keystore.keystore();
    store.checkNew(name, null);
    KeyEntry entry;
    if (source != null && source.keyfile != null) {
      String secret =
          password.read(context(), this::typed, "Password of " + source.keyfile + ": ", false);
      entry = store.importFile(name, source.keyfile, secret);
    } else {
      ECKeyPair keyPair = PrivateKeys.parse(readPrivateKey());
      String secret =
          password.read(context(), this::typed, "New password for key " + name + ": ", true);
      entry = store.importKey(name, keyPair, secret, kdf);
    }
    out.result(KeyNew.describe(entry), "imported key " + entry.label() + " into " + entry.file());
    return ExitCode.OK;
  }

  private String readPrivateKey() {
    if (source != null && source.privateKeyFile != null) {
      return Secrets.firstLine(
          context(), source.privateKeyFile, "private key file", "invalidPrivateKey");
    }
    if (source != null && source.privateKeyEnv != null) {
      String value = context().env().get(source.privateKeyEnv);
      if (value == null) {
        throw new CliException(
            "invalidPrivateKey", "environment variable " + source.privateKeyEnv + " is not set");
      }
      return value;
    }
    char[] typed = context().terminal().readSecret("Private key (hex): ");
    if (typed == null) {
      throw new CliException(
          "invalidPrivateKey",
          "no private key: no terminal to ask on; use --private-key-file FILE or"
              + " --private-key-env VAR");
    }
    try {
      return new String(typed);
    } finally {
      Arrays.fill(typed, '\0');
    }
  }

  /** Hex private keys: 32 bytes, optional 0x, within the secp256k1 group order. */
  static final class PrivateKeys {
    private PrivateKeys() {}

    static ECKeyPair parse(String text) {
      String hex = text.strip();
      if (hex.startsWith("0x") || hex.startsWith("0X")) {
        hex = hex.substring(2);
      }
      if (!hex.matches("[0-9a-fA-F]{64}")) {
        throw new CliException(
            "invalidPrivateKey", "a private key is 32 bytes of hex (64 hex digits, optional 0x)");
      }
      BigInteger key = new BigInteger(hex, 16);
      if (key.signum() == 0 || key.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
        throw new CliException("invalidPrivateKey", "not a valid secp256k1 private key");
      }
      return ECKeyPair.create(key);
    }
  }
}

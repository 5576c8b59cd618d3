package io.assent.cli.did;

import io.assent.cli.CliException;
import io.assent.cli.key.KeyEntry;
import io.assent.cli.key.Keystore;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --key} and {@code --keystore}: the key a DID command works with. Extended by {@link
 * SignerOptions}.
 */
public class KeySelection {

  @Option(
      names = "--key",
      paramLabel = "NAME|ADDRESS",
      description =
          "The key, by alias or address (setting; default: the only key in the keystore).")
  String key;

  @Option(
      names = "--keystore",
      paramLabel = "DIR",
      description = "Keystore directory (setting; default: ${DEFAULT-VALUE}).")
  Path keystore;

  public Keystore keystore() {
    return new Keystore(keystore);
  }

  /** The key: {@code --key}, or the keystore's only key. */
  public KeyEntry key(Keystore store) {
    if (key != null) {
      return store.find(key);
    }
    List<KeyEntry> keys = store.list();
    if (keys.size() == 1) {
      return keys.getFirst();
    }
    if (keys.isEmpty()) {
      throw new CliException(
          "keyNotFound",
          "no keys in keystore " + store.dir() + "; create one with 'assent key new --name NAME'");
    }
    throw new CliException(
        "keyNotFound",
        "choose a key with --key: the keystore has "
            + keys.stream().map(KeyEntry::name).collect(Collectors.joining(", ")));
  }
}

package io.assent.cli.key;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --keystore DIR}: where the keys are. A mixin, shared by key and did commands. */
public final class KeystoreOption {

  @Option(
      names = "--keystore",
      paramLabel = "DIR",
      description = "Keystore directory (setting; default: ${DEFAULT-VALUE}).")
  Path keystore;

  public Keystore keystore() {
    return new Keystore(keystore);
  }
}

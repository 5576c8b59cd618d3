package io.assent.cli.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The options whose defaults come from the config file and the environment. The config key is the
 * option's long name without dashes ({@code --chain-id} → {@code chain-id}); the environment
 * variable is {@code ASSENT_} + the key in upper snake case ({@code ASSENT_CHAIN_ID}).
 */
public enum Setting {
  CONFIG("config", "~/.assent/config.properties"),
  NODE("node", "http://127.0.0.1:8080"),
  RPC("rpc", null),
  REGISTRY("registry", null),
  DATASET_REGISTRY("dataset-registry", null),
  ANCHOR("anchor", null),
  JURISDICTION("jurisdiction", null),
  CHAIN_ID("chain-id", null),
  KEYSTORE("keystore", "~/.assent/keystore"),
  KEY("key", null),
  KDF("kdf", "standard"),
  TIMEOUT("timeout", "120s"),
  PASSWORD_FILE("password-file", null),
  PASSWORD_ENV("password-env", null);

  /** If set, the key password itself: the default of {@code --password-env}. */
  public static final String PASSWORD_VARIABLE = "ASSENT_PASSWORD";

  private final String key;
  private final String builtIn;

  Setting(String key, String builtIn) {
    this.key = key;
    this.builtIn = builtIn;
  }

  /** The key in the config file, e.g. {@code chain-id}. */
  public String key() {
    return key;
  }

  /** The option that takes this setting, e.g. {@code --chain-id}. */
  public String option() {
    return "--" + key;
  }

  /** The environment variable, e.g. {@code ASSENT_CHAIN_ID}. */
  public String envVar() {
    return "ASSENT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The built-in default, if any ({@code ~/} stands for the home directory). */
  public Optional<String> builtIn() {
    return Optional.ofNullable(builtIn);
  }

  /** Whether a value is a path (so {@code ~/} expands). */
  public boolean isPath() {
    return this == CONFIG || this == KEYSTORE || this == PASSWORD_FILE;
  }

  public static Optional<Setting> ofOption(String longName) {
    return Arrays.stream(values()).filter(s -> s.option().equals(longName)).findFirst();
  }

  public static Optional<Setting> ofKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}

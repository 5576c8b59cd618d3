package io.assent.cli.config;

import io.assent.cli.CliContext;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Defaults for the options named in {@link Setting}, lowest precedence first: built-in default,
 * config file, environment. A flag on the command line beats them all (picocli only asks for a
 * default when the flag is absent).
 *
 * <p>The config file is {@code --config} (a root option, so it is parsed before any subcommand asks
 * for its defaults), else {@code ASSENT_CONFIG}, else {@code ~/.assent/config.properties} (which
 * may be missing). The environment comes from the {@link CliContext}, so tests pass a map.
 */
public final class AssentDefaults implements IDefaultValueProvider {

  private final CliContext context;
  private ConfigFile loaded;

  public AssentDefaults(CliContext context) {
    this.context = context;
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    Optional<Setting> setting = Setting.ofOption(option.longestName());
    if (setting.isEmpty()) {
      return null;
    }
    try {
      return resolve(setting.get(), option.command()).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(option.command().commandLine(), e.getMessage(), e, option, "");
    }
  }

  /** The default of {@code setting}, or empty if it has none. */
  public Optional<String> resolve(Setting setting, CommandSpec command) {
    Optional<String> value = Optional.ofNullable(context.env().get(setting.envVar()));
    if (setting == Setting.CONFIG) {
      value = value.or(setting::builtIn);
    } else {
      value = value.or(() -> configFile(command).get(setting));
      if (setting == Setting.PASSWORD_ENV && context.env().containsKey(Setting.PASSWORD_VARIABLE)) {
        value = value.or(() -> Optional.of(Setting.PASSWORD_VARIABLE));
      }
      value = value.or(setting::builtIn);
    }
    return value.filter(v -> !v.isBlank()).map(v -> expand(setting, v));
  }

  private String expand(Setting setting, String value) {
    return setting.isPath() ? context.expandHome(value).toString() : value;
  }

  /**
   * The config file in effect for this parse, read once. A file other than the built-in default was
   * named by the user ({@code --config} or {@code ASSENT_CONFIG}), so it must exist.
   */
  private ConfigFile configFile(CommandSpec command) {
    OptionSpec configOption = command.root().findOption(Setting.CONFIG.option());
    Object value = configOption == null ? null : configOption.getValue();
    Path path =
        context.expandHome(
            value != null ? value.toString() : resolve(Setting.CONFIG, command).orElseThrow());
    if (loaded == null || !loaded.path().equals(path)) {
      loaded = ConfigFile.read(path, !isBuiltInPath(path));
    }
    return loaded;
  }

  private boolean isBuiltInPath(Path path) {
    return path.equals(context.expandHome(Setting.CONFIG.builtIn().orElseThrow()));
  }
}

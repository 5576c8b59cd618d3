package io.assent.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The config file: Java properties, one setting a line ({@code node=http://127.0.0.1:8080}), keys
 * as in {@link Setting}. An unknown key is an error (a typo must not silently fall back to a
 * default).
 */
public final class ConfigFile {

  private final Path path;
  private final Map<Setting, String> values;

  private ConfigFile(Path path, Map<Setting, String> values) {
    this.path = path;
    this.values = values;
  }

  /**
   * Reads {@code path}. A missing file is empty unless {@code required} (the user named it).
   *
   * @throws IllegalArgumentException naming the file and the problem
   */
  public static ConfigFile read(Path path, boolean required) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      if (required) {
        throw new IllegalArgumentException("config file " + path + " does not exist");
      }
      return new ConfigFile(path, Map.of());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read config file " + path + ": " + e.getMessage());
    }
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (String key : properties.stringPropertyNames()) {
      Setting setting =
          Setting.ofKey(key)
              .filter(s -> s != Setting.CONFIG)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown setting '" + key + "' in config file " + path));
      String value = properties.getProperty(key).strip();
      if (!value.isEmpty()) {
        values.put(setting, value);
      }
    }
    return new ConfigFile(path, values);
  }

  public Path path() {
    return path;
  }

  public Optional<String> get(Setting setting) {
    return Optional.ofNullable(values.get(setting));
  }
}

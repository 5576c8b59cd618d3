package io.assent.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds a {@link NodeConfig} from, in increasing precedence: built-in defaults, a JSON config
 * file, the environment, and explicit overrides (command-line flags).
 *
 * <p>Settings are named by dotted keys, e.g. {@code chain.rpcUrl}. In the JSON file they nest
 * ({@code {"chain": {"rpcUrl": "..."}}}); in the environment they are upper snake case with an
 * {@code ASSENT_} prefix ({@code ASSENT_CHAIN_RPC_URL}).
 */
public final class NodeConfigLoader {

  /** Every setting with its default ({@code null}: required or optional without default). */
  public static final Map<String, String> DEFAULTS = defaults();

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern PRIVATE_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

  private final Map<String, String> environment;

  public NodeConfigLoader(Map<String, String> environment) {
    this.environment = environment;
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("dataDir", "data");
    d.put("http.host", "127.0.0.1");
    d.put("http.port", "8080");
    d.put("http.bodyLimitBytes", "65536");
    d.put("chain.rpcUrl", "http://127.0.0.1:8545");
    d.put("chain.chainId", null);
    d.put("chain.networkNames", "");
    d.put("chain.confirmations", "0");
    d.put("chain.startBlock", "0");
    d.put("chain.rangeSize", "2000");
    d.put("chain.pollIntervalMs", "1000");
    d.put("contracts.didRegistry", null);
    d.put("contracts.consentAnchor", null);
    d.put("contracts.datasetRegistry", null);
    d.put("anchor.batchSize", "1000");
    d.put("anchor.maxWaitMs", "10000");
    d.put("anchor.resendAfterBlocks", "20");
    d.put("erasure.compactionIntervalMs", "10000");
    d.put("relayer.key", null);
    d.put("relayer.keyFile", null);
    return java.util.Collections.unmodifiableMap(d);
  }

  /**
   * The environment variable that sets {@code key}: {@code chain.rpcUrl → ASSENT_CHAIN_RPC_URL}.
   */
  public static String environmentName(String key) {
    return "ASSENT_"
        + key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /**
   * Loads the configuration.
   *
   * @param file the JSON config file, or null for none
   * @param overrides settings from flags (dotted keys); null values are ignored
   */
  public NodeConfig load(Path file, Map<String, String> overrides) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    if (file != null) {
      values.putAll(readFile(file));
    }
    for (String key : DEFAULTS.keySet()) {
      String fromEnv = environment.get(environmentName(key));
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(key, fromEnv);
      }
    }
    overrides.forEach(
        (key, value) -> {
          if (!DEFAULTS.containsKey(key)) {
            throw new ConfigException("unknown setting " + key);
          }
          if (value != null) {
            values.put(key, value);
          }
        });
    return build(values);
  }

  private static Map<String, String> readFile(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("config file " + file + " must hold a JSON object");
    }
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", root, flat);
    for (String key : flat.keySet()) {
      if (!DEFAULTS.containsKey(key)) {
        throw new ConfigException("unknown setting " + key + " in " + file);
      }
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            out);
      }
    } else if (node.isArray()) {
      StringBuilder joined = new StringBuilder();
      node.forEach(item -> joined.append(joined.isEmpty() ? "" : ",").append(item.asText()));
      out.put(prefix, joined.toString());
    } else if (!node.isNull()) {
      out.put(prefix, node.asText());
    }
  }

  private static NodeConfig build(Map<String, String> v) {
    NodeConfig.Http http =
        new NodeConfig.Http(
            required(v, "http.host"),
            (int) number(v, "http.port", 0, 65535),
            number(v, "http.bodyLimitBytes", 1024, 16 * 1024 * 1024));
    List<String> names =
        Arrays.stream(v.get("chain.networkNames").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    NodeConfig.Chain chain =
        new NodeConfig.Chain(
            required(v, "chain.rpcUrl"),
            number(v, "chain.chainId", 1, Long.MAX_VALUE),
            names,
            (int) number(v, "chain.confirmations", 0, 1000),
            number(v, "chain.startBlock", 0, Long.MAX_VALUE),
            (int) number(v, "chain.rangeSize", 1, 100_000),
            Duration.ofMillis(number(v, "chain.pollIntervalMs", 10, 600_000)));
    String registry = address(required(v, "contracts.didRegistry"), "contracts.didRegistry");
    return new NodeConfig(
        Path.of(required(v, "dataDir")),
        http,
        chain,
        registry,
        relayerKey(v),
        optionalAddress(v, "contracts.consentAnchor"),
        optionalAddress(v, "contracts.datasetRegistry"),
        new NodeConfig.Anchor(
            (int) number(v, "anchor.batchSize", 1, 65_536),
            Duration.ofMillis(number(v, "anchor.maxWaitMs", 0, 86_400_000)),
            (int) number(v, "anchor.resendAfterBlocks", 1, 100_000)),
        new NodeConfig.Erasure(
            Duration.ofMillis(number(v, "erasure.compactionIntervalMs", 100, 3_600_000))));
  }

  /** An optional contract address: null when unset or blank. */
  private static String optionalAddress(Map<String, String> v, String key) {
    String value = v.get(key);
    return value == null || value.isBlank() ? null : address(value.trim(), key);
  }

  private static String address(String value, String key) {
    if (!ADDRESS.matcher(value).matches()) {
      throw new ConfigException(key + " is not an address: " + value);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static String relayerKey(Map<String, String> v) {
    String key = v.get("relayer.key");
    String keyFile = v.get("relayer.keyFile");
    if (key == null && keyFile != null) {
      try {
        key = Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII).trim();
      } catch (IOException e) {
        throw new ConfigException("cannot read relayer.keyFile " + keyFile, e);
      }
    }
    if (key == null || key.isBlank()) {
      return null;
    }
    if (!PRIVATE_KEY.matcher(key).matches()) {
      throw new ConfigException("relayer key is not a 32-byte hex private key");
    }
    return key.startsWith("0x") ? key : "0x" + key;
  }

  private static String required(Map<String, String> v, String key) {
    String value = v.get(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException(
          "missing setting " + key + " (config file, " + environmentName(key) + ", or flag)");
    }
    return value.trim();
  }

  private static long number(Map<String, String> v, String key, long min, long max) {
    String raw = required(v, key);
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, was " + raw);
    }
    if (value < min || value > max) {
      throw new ConfigException(key + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }
}

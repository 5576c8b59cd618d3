package io.assent.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.cli.CliRunner;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Settings resolve as built-in default < config file < environment < flag. */
class ConfigPrecedenceTest {

  @TempDir Path home;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(home);
  }

  @Test
  void builtInDefaultsApplyWithoutFileOrEnvironment() {
    CommandSpec addService = parse("did", "add-service", "--type", "T", "--endpoint", "e");

    assertThat(value(addService, "--node")).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(value(addService, "--keystore")).isEqualTo(home.resolve(".assent/keystore"));
    assertThat(value(addService, "--timeout")).isEqualTo(BigInteger.valueOf(120));
    assertThat(value(addService, "--rpc")).isNull();
    assertThat(value(addService, "--chain-id")).isNull();
    assertThat(value(addService, "--password-env")).isNull();
  }

  @Test
  void configFileBeatsBuiltInDefaults() throws IOException {
    writeConfig(home.resolve(".assent/config.properties"), "node=http://file:1", "keystore=~/keys");

    CommandSpec show = parse("did", "show");

    assertThat(value(show, "--node")).isEqualTo(URI.create("http://file:1"));
    assertThat(value(show, "--keystore")).isEqualTo(home.resolve("keys"));
  }

  @Test
  void environmentBeatsConfigFile() throws IOException {
    writeConfig(home.resolve(".assent/config.properties"), "node=http://file:1", "chain-id=5");
    cli.env("ASSENT_NODE", "http://env:2");

    CommandSpec show = parse("did", "show");

    assertThat(value(show, "--node")).isEqualTo(URI.create("http://env:2"));
    assertThat(value(show, "--chain-id")).isEqualTo(BigInteger.valueOf(5));
  }

  @Test
  void flagBeatsEnvironmentAndConfigFile() throws IOException {
    writeConfig(home.resolve(".assent/config.properties"), "node=http://file:1");
    cli.env("ASSENT_NODE", "http://env:2").env("ASSENT_KDF", "light");

    CommandSpec show = parse("did", "show", "--node", "http://flag:3");
    CommandSpec keyNew = parse("key", "new", "--name", "a", "--kdf", "standard");

    assertThat(value(show, "--node")).isEqualTo(URI.create("http://flag:3"));
    assertThat(String.valueOf(value(keyNew, "--kdf"))).isEqualTo("STANDARD");
  }

  @Test
  void configOptionAndEnvironmentNameTheFile() throws IOException {
    Path byFlag = home.resolve("flag.properties");
    Path byEnv = home.resolve("env.properties");
    writeConfig(byFlag, "rpc=http://flag-file:8545");
    writeConfig(byEnv, "rpc=http://env-file:8545");
    cli.env("ASSENT_CONFIG", byEnv.toString());

    assertThat(value(parse("did", "show"), "--rpc")).isEqualTo(URI.create("http://env-file:8545"));
    assertThat(value(parse("--config", byFlag.toString(), "did", "show"), "--rpc"))
        .isEqualTo(URI.create("http://flag-file:8545"));
  }

  @Test
  void assentPasswordBecomesThePasswordVariable() {
    cli.env("ASSENT_PASSWORD", "secret");

    assertThat(value(parse("key", "new", "--name", "a"), "--password-env"))
        .isEqualTo("ASSENT_PASSWORD");
  }

  @Test
  void helpShowsTheDefaultInEffect() {
    cli.env("ASSENT_NODE", "http://env-node:9");

    CliRunner.Result help = cli.run("did", "add-key", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("default: http://env-node:9");
  }

  @Test
  void namedConfigFileThatIsMissingIsAUsageError() {
    CliRunner.Result result =
        cli.run("--config", home.resolve("nope.properties").toString(), "did", "show");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().startsWith("assent: config file ");
  }

  @Test
  void unknownSettingInConfigFileIsAUsageError() throws IOException {
    writeConfig(home.resolve(".assent/config.properties"), "nod=http://typo:1");

    CliRunner.Result result = cli.run("did", "show");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains("unknown setting 'nod'");
  }

  private CommandSpec parse(String... args) {
    ParseResult result = cli.commandLine().parseArgs(args);
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return result.commandSpec();
  }

  private static Object value(CommandSpec spec, String option) {
    return spec.findOption(option).getValue();
  }

  private static void writeConfig(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines));
  }
}

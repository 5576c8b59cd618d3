package io.assent.cli.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import io.assent.cli.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/** assent key new|list|import|export|delete, round trips through a scratch keystore. */
class KeyCommandsTest {

  static final String DEV_KEY =
      "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final String DEV_ADDRESS = Credentials.create(DEV_KEY).getAddress();

  @TempDir Path home;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(home).env("ASSENT_PASSWORD", "correct horse").env("ASSENT_KDF", "light");
  }

  @Test
  void newKeyIsListedWithItsDidAndStoredPrivately() throws Exception {
    Result created = cli.run("key", "new", "--name", "alice", "--json");

    assertThat(created.exitCode()).isZero();
    JsonNode key = Output.JSON.readTree(created.out());
    String address = key.get("address").asText();
    assertThat(address).matches("0x[0-9a-f]{40}");
    Path file = home.resolve(".assent/keystore/alice.json");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(file.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(WalletUtils.loadCredentials("correct horse", file.toFile()).getAddress())
        .isEqualTo(address);

    Result list = cli.run("key", "list", "--chain-id", "31337");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out())
        .contains("alice")
        .contains(address)
        .contains("did:ethr:0x7a69:" + address);
  }

  @Test
  void newKeyAsksTwiceOnTheTerminalAndRefusesAMismatch() {
    CliRunner terminal = new CliRunner(home).env("ASSENT_KDF", "light").answers("pw-1", "pw-2");

    Result mismatch = terminal.run("key", "new", "--name", "alice");

    assertThat(mismatch.exitCode()).isEqualTo(1);
    assertThat(mismatch.errLines()).containsExactly("assent: the passwords do not match");
    assertThat(terminal.prompts()).hasSize(2);
    assertThat(home.resolve(".assent/keystore/alice.json")).doesNotExist();

    Result created = terminal.answers("pw", "pw").run("key", "new", "--name", "alice");
    assertThat(created.exitCode()).isZero();
  }

  @Test
  void withoutTerminalOrPasswordSourceTheErrorSaysWhatToDo() {
    Result result =
        new CliRunner(home).noTerminal().run("key", "new", "--name", "alice", "--kdf", "light");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("no terminal")
        .contains("--password-file");
  }

  @Test
  void passwordFileAndPasswordEnvAreBothSources() throws Exception {
    Path passwordFile = home.resolve("pw.txt");
    Files.writeString(passwordFile, "from-file\n");
    CliRunner plain = new CliRunner(home).env("MY_PW", "from-env").noTerminal();

    assertThat(
            plain
                .run(
                    "key",
                    "new",
                    "--name",
                    "f",
                    "--kdf",
                    "light",
                    "--password-file",
                    passwordFile.toString())
                .exitCode())
        .isZero();
    assertThat(
            plain
                .run("key", "new", "--name", "e", "--kdf", "light", "--password-env", "MY_PW")
                .exitCode())
        .isZero();

    Path keystore = home.resolve(".assent/keystore");
    assertThat(WalletUtils.loadCredentials("from-file", keystore.resolve("f.json").toFile()))
        .isNotNull();
    assertThat(WalletUtils.loadCredentials("from-env", keystore.resolve("e.json").toFile()))
        .isNotNull();
  }

  @Test
  void typedPasswordFlagBeatsThePasswordFromTheEnvironment() throws Exception {
    Path passwordFile = home.resolve("pw.txt");
    Files.writeString(passwordFile, "typed\n");

    cli.run("key", "new", "--name", "a", "--password-file", passwordFile.toString());

    assertThat(
            WalletUtils.loadCredentials("typed", home.resolve(".assent/keystore/a.json").toFile()))
        .isNotNull();
  }

  @Test
  void typedPasswordEnvBeatsAPasswordFileFromTheConfig() throws Exception {
    Path passwordFile = home.resolve("pw.txt");
    Files.writeString(passwordFile, "from-config-file\n");
    Files.createDirectories(home.resolve(".assent"));
    Files.writeString(home.resolve(".assent/config.properties"), "password-file=" + passwordFile);
    cli.env("TYPED", "typed-env");

    assertThat(cli.run("key", "new", "--name", "a", "--password-env", "TYPED").exitCode()).isZero();
    assertThat(cli.run("key", "new", "--name", "b").exitCode()).isZero();

    Path keystore = home.resolve(".assent/keystore");
    assertThat(WalletUtils.loadCredentials("typed-env", keystore.resolve("a.json").toFile()))
        .isNotNull();
    assertThat(WalletUtils.loadCredentials("from-config-file", keystore.resolve("b.json").toFile()))
        .isNotNull();
  }

  @Test
  void importFromPrivateKeySourcesGivesTheRightAddress() throws Exception {
    Path keyFile = home.resolve("key.hex");
    Files.writeString(keyFile, DEV_KEY + "\n");

    Result fromFile =
        cli.run(
            "key", "import", "--name", "file", "--private-key-file", keyFile.toString(), "--json");
    assertThat(fromFile.exitCode()).isZero();
    assertThat(Output.JSON.readTree(fromFile.out()).get("address").asText()).isEqualTo(DEV_ADDRESS);
    cli.run("key", "delete", "--name", "file", "--yes");

    cli.env("DEV_KEY", DEV_KEY.substring(2));
    assertThat(cli.run("key", "import", "--name", "env", "--private-key-env", "DEV_KEY").exitCode())
        .isZero();
    cli.run("key", "delete", "--name", "env", "--yes");

    Result fromStdin =
        cli.stdin(DEV_KEY).run("key", "import", "--name", "stdin", "--private-key-file", "-");
    assertThat(fromStdin.exitCode()).isZero();
    cli.run("key", "delete", "--name", "stdin", "--yes");

    Result fromPrompt =
        new CliRunner(home)
            .env("ASSENT_KDF", "light")
            .answers(DEV_KEY, "pw", "pw")
            .run("key", "import", "--name", "prompt");
    assertThat(fromPrompt.exitCode()).isZero();
    assertThat(fromPrompt.out()).contains(DEV_ADDRESS);
  }

  @Test
  void importRefusesABadPrivateKeyAndADuplicate() throws Exception {
    cli.env("BAD", "0x1234").env("ZERO", "0".repeat(64)).env("DEV_KEY", DEV_KEY);

    Result bad = cli.run("key", "import", "--name", "x", "--private-key-env", "BAD");
    Result zero = cli.run("key", "import", "--name", "x", "--private-key-env", "ZERO");
    cli.run("key", "import", "--name", "dev", "--private-key-env", "DEV_KEY");
    Result again = cli.run("key", "import", "--name", "dev2", "--private-key-env", "DEV_KEY");

    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.errLines()).singleElement().asString().contains("64 hex digits");
    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.errLines())
        .containsExactly("assent: key " + DEV_ADDRESS + " is in the keystore already as 'dev'");
  }

  @Test
  void importOfAV3FileKeepsItAndChecksItsPassword() throws Exception {
    Path dir = Files.createDirectory(home.resolve("elsewhere"));
    String fileName = WalletUtils.generateLightNewWalletFile("their password", dir.toFile());
    Path v3 = dir.resolve(fileName);
    String address = WalletUtils.loadCredentials("their password", v3.toFile()).getAddress();

    Result wrong = cli.run("key", "import", "--name", "imported", "--keyfile", v3.toString());
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.errLines())
        .singleElement()
        .asString()
        .startsWith("assent: wrong password for ");

    cli.env("THEIRS", "their password");
    Result ok =
        cli.run(
            "key",
            "import",
            "--name",
            "imported",
            "--keyfile",
            v3.toString(),
            "--password-env",
            "THEIRS");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains(address);
    Path stored = home.resolve(".assent/keystore/imported.json");
    assertThat(WalletUtils.loadCredentials("their password", stored.toFile()).getAddress())
        .isEqualTo(address);
  }

  @Test
  void exportPrintsTheKeystoreJsonAndOnRequestTheRawKey() throws Exception {
    cli.env("DEV_KEY", DEV_KEY);
    cli.run("key", "import", "--name", "dev", "--private-key-env", "DEV_KEY");

    Result v3 = cli.run("key", "export", "--name", "dev");
    assertThat(v3.exitCode()).isZero();
    Path copy = home.resolve("copy.json");
    Files.writeString(copy, v3.out());
    assertThat(WalletUtils.loadCredentials("correct horse", copy.toFile()).getAddress())
        .isEqualTo(DEV_ADDRESS);

    Result raw = cli.run("key", "export", "--name", DEV_ADDRESS, "--private-key");
    assertThat(raw.exitCode()).isZero();
    assertThat(raw.out().strip()).isEqualTo(DEV_KEY);
    assertThat(raw.errLines())
        .singleElement()
        .asString()
        .startsWith("assent: warning: this is the raw private key");
  }

  @Test
  void wrongPasswordIsOneLineAndExitCodeOne() {
    cli.env("DEV_KEY", DEV_KEY);
    cli.run("key", "import", "--name", "dev", "--private-key-env", "DEV_KEY");
    cli.env("ASSENT_PASSWORD", "wrong");

    Result result = cli.run("key", "export", "--name", "dev", "--private-key");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly("assent: wrong password for key dev (" + DEV_ADDRESS + ")");
  }

  @Test
  void deleteNeedsYesAndThenTheKeyIsGone() {
    cli.run("key", "new", "--name", "bob");

    Result refused = cli.run("key", "delete", "--name", "bob");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines()).singleElement().asString().contains("--yes");
    assertThat(home.resolve(".assent/keystore/bob.json")).exists();

    assertThat(cli.run("key", "delete", "--name", "bob", "--yes").exitCode()).isZero();
    assertThat(home.resolve(".assent/keystore/bob.json")).doesNotExist();
    Result again = cli.run("key", "export", "--name", "bob");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.errLines())
        .singleElement()
        .asString()
        .startsWith("assent: no key 'bob' in keystore ");
  }

  @Test
  void duplicateOrMalformedNamesAreRefused() {
    cli.run("key", "new", "--name", "alice");

    Result duplicate = cli.run("key", "new", "--name", "alice");
    Result malformed = cli.run("key", "new", "--name", "../evil");

    assertThat(duplicate.exitCode()).isEqualTo(1);
    assertThat(duplicate.errLines()).containsExactly("assent: a key named 'alice' exists already");
    assertThat(malformed.exitCode()).isEqualTo(1);
    assertThat(home.resolve(".assent/evil.json")).doesNotExist();
  }

  @Test
  void listInJsonWithoutChainHasNoDids() throws Exception {
    cli.run("key", "new", "--name", "alice");

    Result list = cli.run("key", "list", "--json");

    JsonNode json = Output.JSON.readTree(list.out());
    assertThat(json.get("keys")).hasSize(1);
    assertThat(json.get("keys").get(0).get("name").asText()).isEqualTo("alice");
    assertThat(json.get("keys").get(0).get("did").isNull()).isTrue();
  }
}

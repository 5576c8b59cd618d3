package io.assent.cli.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.cli.CliRunner;
import io.assent.cli.CliRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentHelpTest {

  @TempDir Path home;

  @Test
  void consentListsItsCommandsAndExamples() {
    Result help = new CliRunner(home).run("consent", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("grant", "withdraw", "show", "list", "receipt", "verify", "check", "erase")
        .contains("Examples:");
  }

  @Test
  void everyCommandHasExamples() {
    for (String command :
        new String[] {"grant", "withdraw", "show", "list", "receipt", "verify", "check", "erase"}) {
      Result help = new CliRunner(home).run("consent", command, "--help");
      assertThat(help.exitCode()).as(command).isZero();
      assertThat(help.out()).as(command).contains("Examples:", "assent consent " + command);
    }
  }

  @Test
  void noCommandIsAUsageError() {
    Result result = new CliRunner(home).run("consent");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().contains("missing command: grant");
  }

  @Test
  void aBadConsentIdIsAUsageError() {
    Result result = new CliRunner(home).run("consent", "show", "0x1234", "--json");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).contains("\"code\" : \"usage\"");
  }
}

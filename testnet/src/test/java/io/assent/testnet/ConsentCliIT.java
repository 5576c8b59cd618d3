package io.assent.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.cli.AssentMain;
import io.assent.cli.CliContext;
import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.TestNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The consent commands of the {@code assent} CLI against a real node on a dev chain: a subject
 * grants, sees and lists the consent, a dataset user checks it, someone else cannot withdraw it,
 * the subject withdraws and erases it. (Receipts need the node's anchorer; until the batch is
 * anchored the node answers notAnchored, which the CLI reports.)
 */
class ConsentCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATASET = "0x3f5c" + "00".repeat(29) + "01";

  @TempDir Path home;
  @TempDir Path otherHome;

  private record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private Run assent(Path userHome, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            env,
            userHome,
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            prompt -> null);
    int exit = AssentMain.commandLine(context).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void grantShowListCheckWithdrawAndErase() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      String anchor =
          ConsentAnchorClient.deploy(
                  net.anvil().web3j(),
                  net.anvil().transactionManager(Anvil.devCredentials(0)),
                  new DefaultGasProvider())
              .address();
      AssentNode node = net.startNode(Map.of("contracts.consentAnchor", anchor));
      Map<String, String> env = new HashMap<>();
      env.put("ASSENT_PASSWORD", "correct horse battery staple");
      env.put("ASSENT_NODE", "http://127.0.0.1:" + node.httpPort());
      env.put("ASSENT_KDF", "light");
      env.put("ASSENT_ANCHOR", anchor);

      ok(assent(home, env, "key", "new", "--name", "alice"));
      String did = assent(home, env, "did", "show", "--key", "alice").out().trim();

      Run granted =
          assent(
              home,
              env,
              "--json",
              "consent",
              "grant",
              "--dataset",
              DATASET,
              "--purpose",
              "ai:ModelTraining",
              "--jurisdiction",
              "EU",
              "--until",
              "2027-06-30");
      ok(granted);
      String id = granted.json().path("consentId").asText();
      assertThat(id).matches("0x[0-9a-f]{64}");
      assertThat(granted.json().path("status").asText()).isEqualTo("pending");
      assertThat(home.resolve(".assent/consents/" + id + ".json")).exists();

      Run shown = assent(home, env, "--json", "consent", "show", id);
      ok(shown);
      assertThat(shown.json().path("status").path("status").asText()).isEqualTo("pending");
      assertThat(shown.json().path("local").path("request").path("grant").path("dataset").asText())
          .isEqualTo(DATASET);

      Run listed = assent(home, env, "--json", "consent", "list");
      ok(listed);
      assertThat(listed.json().path("consents").findValuesAsText("consentId")).containsExactly(id);

      String[] check = {
        "consent", "check", "--subject", did, "--dataset", DATASET, "--purpose", "ai:ModelTraining"
      };
      Run permitted = assent(home, env, check);
      assertThat(permitted.exit()).as(permitted.out() + permitted.err()).isZero();
      assertThat(permitted.out()).startsWith("permitted");
      Run otherPurpose =
          assent(
              home,
              env,
              "consent",
              "check",
              "--subject",
              did,
              "--dataset",
              DATASET,
              "--purpose",
              "dpv:Marketing");
      assertThat(otherPurpose.exit()).isEqualTo(1);
      assertThat(otherPurpose.out()).startsWith("not permitted");

      Run receipt = assent(home, env, "--json", "consent", "receipt", id);
      assertThat(receipt.exit()).isEqualTo(1);
      assertThat(receipt.json().path("error").path("code").asText()).isEqualTo("notAnchored");

      // Someone else's key cannot withdraw alice's consent.
      ok(assent(otherHome, env, "key", "new", "--name", "mallory"));
      Run refused = assent(otherHome, env, "--json", "consent", "withdraw", id);
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(refused.json().path("error").path("code").asText()).isEqualTo("notSubject");

      Run withdrawn = assent(home, env, "--json", "consent", "withdraw", id);
      ok(withdrawn);
      assertThat(withdrawn.json().path("status").asText()).isEqualTo("withdrawalPending");
      String later = Long.toString(Instant.now().getEpochSecond() + 120);
      Run afterWithdrawal =
          assent(
              home,
              env,
              "--json",
              "consent",
              "check",
              "--subject",
              did,
              "--dataset",
              DATASET,
              "--purpose",
              "ai:ModelTraining",
              "--at",
              later);
      assertThat(afterWithdrawal.exit()).isEqualTo(1);
      assertThat(afterWithdrawal.json().path("permitted").asBoolean()).isFalse();
      assertThat(afterWithdrawal.json().path("reason").asText()).isEqualTo("withdrawn");

      Run erased = assent(home, env, "consent", "erase", id, "--yes");
      ok(erased);
      Run afterErasure = assent(home, env, "--json", "consent", "show", id);
      ok(afterErasure);
      assertThat(afterErasure.json().path("status").path("status").asText()).isEqualTo("erased");
      assertThat(Files.readString(home.resolve(".assent/consents/" + id + ".json")))
          .contains("\"erasure\"");
    }
  }

  private static void ok(Run run) {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
  }
}

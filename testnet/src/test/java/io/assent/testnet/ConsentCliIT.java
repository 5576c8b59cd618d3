package io.assent.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.cli.AssentMain;
import io.assent.cli.CliContext;
import io.assent.node.AssentNode;
import io.assent.node.TestNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's consent walkthrough, as a user runs it: the {@code assent} CLI against an anchoring
 * node on a dev chain. A subject grants; the consent is anchored; the subject lists it, fetches the
 * receipt and verifies it against the chain alone (a tampered copy fails); a dataset user checks
 * it; someone else cannot withdraw it; the subject withdraws (anchored, so check says withdrawn and
 * verify reports the withdrawal) and erases it.
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
  void grantAnchorVerifyWithdrawAndErase() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      AssentNode node = net.startNode(Map.of("anchor.maxWaitMs", "200"));
      Map<String, String> env = new HashMap<>();
      env.put("ASSENT_PASSWORD", "correct horse battery staple");
      env.put("ASSENT_NODE", "http://127.0.0.1:" + node.httpPort());
      env.put("ASSENT_KDF", "light");
      env.put("ASSENT_RPC", net.anvil().rpcUrl());

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

      await().atMost(Duration.ofSeconds(30)).until(() -> status(env, id).equals("anchored"));
      Run shown = assent(home, env, "--json", "consent", "show", id);
      assertThat(shown.json().path("local").path("request").path("grant").path("dataset").asText())
          .isEqualTo(DATASET);

      Run listed = assent(home, env, "--json", "consent", "list");
      ok(listed);
      assertThat(listed.json().path("consents").findValuesAsText("consentId")).containsExactly(id);

      Run permitted =
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
              "ai:ModelTraining");
      assertThat(permitted.exit()).as(permitted.out() + permitted.err()).isZero();
      assertThat(permitted.out()).startsWith("permitted (granted)");

      // The receipt verifies against the chain alone; a tampered copy does not.
      Path receipt = home.resolve("receipt.json");
      ok(assent(home, env, "consent", "receipt", id, "--out", receipt.toString()));
      Run verified = assent(home, env, "consent", "verify", receipt.toString());
      assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
      assertThat(verified.out()).contains("receipt verified", "no withdrawal on chain");
      Path tampered = home.resolve("tampered.json");
      Files.writeString(
          tampered, Files.readString(receipt).replace("ai:ModelTraining", "ai:ModelTrainin9"));
      Run refused = assent(home, env, "consent", "verify", tampered.toString());
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(refused.err()).contains("failed leaf, signature");

      // Someone else's key cannot withdraw alice's consent.
      ok(assent(otherHome, env, "key", "new", "--name", "mallory"));
      Run notHers = assent(otherHome, env, "--json", "consent", "withdraw", id);
      assertThat(notHers.exit()).isEqualTo(1);
      assertThat(notHers.json().path("error").path("code").asText()).isEqualTo("notSubject");

      Run withdrawn = assent(home, env, "--json", "consent", "withdraw", id);
      ok(withdrawn);
      assertThat(withdrawn.json().path("status").asText()).isEqualTo("withdrawalPending");
      await().atMost(Duration.ofSeconds(30)).until(() -> status(env, id).equals("withdrawn"));
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
              Long.toString(Instant.now().getEpochSecond() + 60));
      assertThat(afterWithdrawal.exit()).isEqualTo(1);
      assertThat(afterWithdrawal.json().path("reason").asText()).isEqualTo("withdrawn");
      Run stillValid = assent(home, env, "consent", "verify", receipt.toString());
      assertThat(stillValid.exit()).isZero();
      assertThat(stillValid.out()).contains("withdrawn on chain in transaction 0x");

      ok(assent(home, env, "consent", "erase", id, "--yes"));
      assertThat(status(env, id)).isEqualTo("erased");
      assertThat(Files.readString(home.resolve(".assent/consents/" + id + ".json")))
          .contains("\"erasure\"");
    }
  }

  private String status(Map<String, String> env, String id) throws Exception {
    Run shown = assent(home, env, "--json", "consent", "show", id);
    ok(shown);
    return shown.json().path("status").path("status").asText();
  }

  private static void ok(Run run) {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
  }
}

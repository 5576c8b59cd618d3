package io.assent.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.cli.AssentMain;
import io.assent.cli.CliContext;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.TestNode;
import io.assent.testnet.interop.ReferenceResolver;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walkthrough, as a user runs it: the {@code assent} CLI against a node on a dev chain
 * creates a key and a DID, adds a key and a service, rotates the owner, lets the new owner add a
 * delegate, and resolves the DID through the node and through the reference did:ethr resolver, with
 * equal documents.
 */
class IdentityWalkthroughIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  private record Run(int exit, String out, String err) {}

  private Run assent(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            env,
            home,
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            prompt -> null);
    int exit = AssentMain.commandLine(context).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void createRotateAndResolveLikeTheReference() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      AssentNode node = net.startNode();
      Map<String, String> env =
          Map.of(
              "ASSENT_PASSWORD", "correct horse battery staple",
              "ASSENT_NODE", "http://127.0.0.1:" + node.httpPort(),
              "ASSENT_KDF", "light");

      assertThat(assent(env, "key", "new", "--name", "alice").exit()).isZero();
      Run show = assent(env, "did", "show", "--key", "alice");
      assertThat(show.exit()).as(show.err()).isZero();
      String did = show.out().trim();
      assertThat(did).startsWith("did:ethr:0x7a69:0x");

      ok(
          assent(
              env,
              "did",
              "add-key",
              "--key",
              "alice",
              "--algorithm",
              "Ed25519",
              "--encoding",
              "base58",
              "--public-key",
              "2QnX1vU3iNvTjHhpHzt1mPjMzs4wJ4ejNr6gdXXZqsmr",
              "--validity",
              "365d"));
      ok(
          assent(
              env,
              "did",
              "add-service",
              "--key",
              "alice",
              "--type",
              "ConsentService",
              "--endpoint",
              "http://127.0.0.1:8080"));
      ok(assent(env, "key", "new", "--name", "alice-2"));
      JsonNode keys = JSON.readTree(assent(env, "--json", "key", "list").out());
      String newOwner = null;
      for (JsonNode key : keys.get("keys")) {
        if (key.get("name").asText().equals("alice-2")) {
          newOwner = key.get("address").asText();
        }
      }
      ok(assent(env, "did", "change-owner", "--key", "alice", "--new-owner", newOwner));
      awaitOwner(node, did, newOwner);

      // The old key no longer signs for the DID: one line, exit 1, nothing changes.
      Run refused =
          assent(env, "did", "add-service", "--key", "alice", "--type", "X", "--endpoint", "x:y");
      assertThat(refused.exit()).isEqualTo(1);
      assertThat(refused.err().trim()).startsWith("assent: ").doesNotContain("\n");

      ok(
          assent(
              env,
              "did",
              "add-delegate",
              "--key",
              "alice-2",
              "--did",
              did,
              "--delegate",
              Anvil.devCredentials(1).getAddress(),
              "--delegate-type",
              "sigAuth",
              "--validity",
              "1d"));

      long head = net.anvil().blockNumber();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> node.follower().status().syncedBlock() >= head);
      Run resolved = assent(env, "--json", "did", "resolve", did);
      assertThat(resolved.exit()).as(resolved.err()).isZero();
      JsonNode ours = JSON.readTree(resolved.out());
      JsonNode reference =
          new ReferenceResolver(
                  ReferenceResolver.repositoryRoot(),
                  net.anvil().rpcUrl(),
                  Anvil.CHAIN_ID,
                  net.registry().address())
              .resolve(did);
      JsonNode ourDocument = ours.has("didDocument") ? ours.get("didDocument") : ours;
      assertThat(ourDocument).isEqualTo(reference.get("didDocument"));
      assertThat(ourDocument.toString())
          .contains("ConsentService", "Ed25519VerificationKey2018", "#delegate-2")
          .containsIgnoringCase(newOwner);
    }
  }

  private static void ok(Run run) {
    assertThat(run.exit()).as(run.err()).isZero();
  }

  private static void awaitOwner(AssentNode node, String did, String owner) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                node.resolver()
                    .resolve(did, io.assent.node.identity.ResolutionOptions.latest())
                    .toJson()
                    .toString()
                    .toLowerCase()
                    .contains("eip155:31337:" + owner.toLowerCase()));
  }
}

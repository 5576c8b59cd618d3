package io.assent.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.assent.cli.AssentMain;
import io.assent.cli.CliContext;
import io.assent.contracts.dataset.DatasetIds;
import io.assent.contracts.dataset.DatasetRegistryClient;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.TestNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * The README's dataset walkthrough, as a curator runs it: the {@code assent} CLI against a node
 * that indexes and relays for a DatasetRegistry on a dev chain. Each test starts with Alice's two
 * datasets, registered through the node's relay: one from its Croissant file, one derived from it
 * (a parent). Then: show, list and lineage, and bad input refused with the node's (or the
 * registry's) code in one line, a non-zero exit, and no change to the index (a stranger registering
 * for Alice, a malformed or unknown license, an unknown parent, an existing id, a non-SPDX or
 * incomplete Croissant file); relicensing (relayed, then sent directly with --rpc), transfer and
 * deprecation, after which the former curator and every change are refused; permits along the
 * lineage and the curator's consent manifest, before and after a withdrawal.
 */
class DatasetCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration INDEXED = Duration.ofSeconds(30);

  @TempDir Path home;
  @TempDir Path strangerHome;
  @TempDir Path subjectHome;

  private record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  private TestNode net;
  private DatasetRegistryClient registry;
  private Map<String, String> env;
  private String alice;
  private String bob;
  private String base;
  private String derived;

  private Run assent(Path userHome, String... args) {
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

  /**
   * A change relayed by the node (ASSENT_NODE); the rpc setting (ASSENT_RPC) is only read, for the
   * signer's registry nonce, since no dataset registry is configured for sending directly.
   */
  private Run relay(Path userHome, String... args) {
    return assent(userHome, args);
  }

  /**
   * {@code dataset register} by alice's key, relayed: version 1 of {@code name} under {@code
   * license}, with a placeholder content digest and the {@code more} arguments.
   */
  private Run registerByAlice(boolean json, String name, String license, String... more) {
    List<String> args = new ArrayList<>();
    if (json) {
      args.add("--json");
    }
    args.addAll(
        List.of(
            "dataset",
            "register",
            "--key",
            "alice",
            "--name",
            name,
            "--version",
            "1",
            "--license",
            license,
            "--content-digest",
            "0x" + "01".repeat(32)));
    args.addAll(List.of(more));
    return relay(home, args.toArray(String[]::new));
  }

  @BeforeEach
  void startNodeAndRegister() throws Exception {
    net = TestNode.startChain();
    registry = net.datasetRegistry();
    Map<String, String> config = new HashMap<>(net.withDatasets());
    config.put("anchor.maxWaitMs", "200");
    AssentNode node = net.startNode(config);
    env = new HashMap<>();
    env.put("ASSENT_PASSWORD", "correct horse battery staple");
    env.put("ASSENT_KDF", "light");
    env.put("ASSENT_NODE", "http://127.0.0.1:" + node.httpPort());
    env.put("ASSENT_RPC", net.anvil().rpcUrl());
    env.put("ALICE_KEY", Anvil.DEV_KEYS.get(2)); // funded: also sends directly with --rpc
    env.put("BOB_KEY", Anvil.DEV_KEYS.get(4));
    alice = Credentials.create(Anvil.DEV_KEYS.get(2)).getAddress();
    bob = Credentials.create(Anvil.DEV_KEYS.get(4)).getAddress();
    ok(assent(home, "key", "import", "--name", "alice", "--private-key-env", "ALICE_KEY"));
    ok(assent(home, "key", "import", "--name", "bob", "--private-key-env", "BOB_KEY"));
    ok(assent(strangerHome, "key", "new", "--name", "mallory"));

    // A Croissant 1.1 file → a relayed registration; the id is printed before it is sent.
    Path croissant = home.resolve("metadata.json");
    Files.writeString(croissant, croissant("https://spdx.org/licenses/CC-BY-4.0.html"));
    base = DatasetIds.of(alice, "Harbour Voices", "2.1.0");
    Run registered =
        relay(home, "dataset", "register", "--croissant", croissant.toString(), "--key", "alice");
    ok(registered);
    assertThat(registered.out()).startsWith("dataset id " + base + "\n");
    assertThat(registered.out()).contains("license   CC-BY-4.0", "transaction 0x");
    await().atMost(INDEXED).until(() -> assent(home, "dataset", "show", base).exit() == 0);

    // A derived dataset naming its parent.
    derived = DatasetIds.of(alice, "Harbour Voices (summaries)", "1.0");
    ok(
        relay(
            home,
            "dataset",
            "register",
            "--key",
            "alice",
            "--name",
            "Harbour Voices (summaries)",
            "--version",
            "1.0",
            "--license",
            "CC-BY-NC-4.0",
            "--parent",
            base,
            "--content-digest",
            "0x" + "5a".repeat(32),
            "--metadata-uri",
            "https://data.example.org/summaries"));
    await().atMost(INDEXED).until(() -> assent(home, "dataset", "show", derived).exit() == 0);
  }

  @AfterEach
  void stop() {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void showListAndLineageThenRefusalsWithTheirCodes() throws Exception {
    String aliceDid = "did:ethr:0x7a69:" + alice;
    Run shown = assent(home, "--json", "dataset", "show", base);
    ok(shown);
    assertThat(shown.json().path("curator").asText()).isEqualTo("did:ethr:dev:" + alice);
    assertThat(shown.json().path("license").asText()).isEqualTo("CC-BY-4.0");
    assertThat(shown.json().path("contentDigest").asText())
        .isEqualTo("0x6764755bf855a2a6a7f4870d6b8fb26c56791e39c7230c7c61690274a11579b0");
    assertThat(shown.json().path("metadataUri").asText())
        .isEqualTo("https://data.example.org/harbour-voices");

    Run listed = assent(home, "--json", "dataset", "list", "--curator", aliceDid);
    ok(listed);
    assertThat(listed.json().path("datasets").findValuesAsText("id"))
        .containsExactlyInAnyOrder(base, derived);
    Run byLicense = assent(home, "dataset", "list", "--license", "CC-BY-NC-4.0");
    ok(byLicense);
    assertThat(byLicense.out()).contains(derived).doesNotContain(base);

    Run ancestors = assent(home, "dataset", "lineage", derived);
    ok(ancestors);
    assertThat(ancestors.out())
        .isEqualTo(
            "Harbour Voices (summaries) 1.0  [CC-BY-NC-4.0]  "
                + derived
                + "\n"
                + "└── Harbour Voices 2.1.0  [CC-BY-4.0]  "
                + base
                + "\n");
    Run descendants =
        assent(home, "--json", "dataset", "lineage", base, "--direction", "descendants");
    assertThat(descendants.json().path("edges").get(0).path("child").asText()).isEqualTo(derived);

    refusals(base, derived, alice);
  }

  @Test
  void relicenseTransferAndDeprecate() throws Exception {
    // Relicense, relayed; then once more sent directly from Alice's account.
    ok(
        relay(
            home,
            "dataset",
            "update-license",
            derived,
            "--license",
            "CC-BY-NC-SA-4.0",
            "--key",
            "alice"));
    await().atMost(INDEXED).until(() -> license(derived).equals("CC-BY-NC-SA-4.0"));
    Run direct =
        assent(
            home,
            "dataset",
            "update-license",
            derived,
            "--license",
            "CC-BY-NC-4.0",
            "--key",
            "alice",
            "--rpc",
            net.anvil().rpcUrl(),
            "--dataset-registry",
            registry.address());
    ok(direct);
    assertThat(direct.out()).contains("mined in block");
    await().atMost(INDEXED).until(() -> license(derived).equals("CC-BY-NC-4.0"));
    Run history = assent(home, "dataset", "show", derived, "--history");
    assertThat(history.out())
        .contains("licenseChanged CC-BY-NC-SA-4.0", "licenseChanged CC-BY-NC-4.0");

    // Transfer to Bob: Alice can no longer act on it; Bob can.
    ok(
        relay(
            home, "dataset", "transfer", derived, "--to", "did:ethr:dev:" + bob, "--key", "alice"));
    await()
        .atMost(INDEXED)
        .until(
            () ->
                assent(home, "--json", "dataset", "show", derived)
                    .json()
                    .path("curatorAddress")
                    .asText()
                    .equals(bob));
    Run former =
        relay(
            home, "--json", "dataset", "deprecate", derived, "--reason", "mine", "--key", "alice");
    assertThat(former.exit()).isEqualTo(1);
    assertThat(former.json().path("error").path("code").asText()).isEqualTo("notCuratorAgent");

    // Deprecation is final.
    ok(
        relay(
            home, "dataset", "deprecate", base, "--reason", "superseded by 3.0", "--key", "alice"));
    await()
        .atMost(INDEXED)
        .until(() -> assent(home, "--json", "dataset", "show", base).json().has("deprecated"));
    Run afterDeprecation =
        relay(home, "dataset", "update-license", base, "--license", "MIT", "--key", "alice");
    assertThat(afterDeprecation.exit()).isEqualTo(1);
    assertThat(afterDeprecation.err()).startsWith("assent: the node refused: datasetDeprecated");
    assertThat(license(base)).isEqualTo("CC-BY-4.0");
  }

  @Test
  void permitsAlongTheLineageAndTheCuratorsManifest() throws Exception {
    permitsAndManifest(base, derived);
  }

  /** Each refused with its code in one line and a non-zero exit; the index does not change. */
  private void refusals(String base, String derived, String alice) throws Exception {
    String aliceDid = "did:ethr:0x7a69:" + alice;
    Run stranger =
        relay(
            strangerHome,
            "--json",
            "dataset",
            "register",
            "--curator",
            aliceDid,
            "--name",
            "fake",
            "--version",
            "1",
            "--license",
            "MIT",
            "--content-digest",
            "0x" + "01".repeat(32));
    assertThat(stranger.exit()).isEqualTo(1);
    assertThat(stranger.json().path("error").path("code").asText()).isEqualTo("notCuratorAgent");
    assertThat(stranger.err())
        .startsWith("assent: the node refused: notCuratorAgent")
        .doesNotContain("\n ");

    Run malformed = registerByAlice(false, "x", "CC BY 4.0");
    assertThat(malformed.exit()).isEqualTo(1);
    assertThat(malformed.err()).contains("is not an SPDX license expression");

    Run unknownLicense = registerByAlice(true, "odd-license", "NOT-A-LICENSE-1.0");
    assertThat(unknownLicense.exit()).isEqualTo(1);
    assertThat(unknownLicense.json().path("error").path("code").asText())
        .isEqualTo("invalidLicense");

    Run unknownParent = registerByAlice(true, "orphan", "MIT", "--parent", "0x" + "ee".repeat(32));
    assertThat(unknownParent.exit()).isEqualTo(1);
    assertThat(unknownParent.json().path("error").path("code").asText()).isEqualTo("unknownParent");

    Run again =
        relay(
            home,
            "--json",
            "dataset",
            "register",
            "--key",
            "alice",
            "--croissant",
            home.resolve("metadata.json").toString());
    assertThat(again.json().path("error").path("code").asText()).isEqualTo("datasetExists");

    Path broken = home.resolve("broken.json");
    Files.writeString(broken, croissant("https://example.org/our-terms"));
    Run notSpdx =
        relay(home, "dataset", "register", "--key", "alice", "--croissant", broken.toString());
    assertThat(notSpdx.exit()).isEqualTo(1);
    assertThat(notSpdx.err()).contains("is not an SPDX license URL", "--license");
    Files.writeString(broken, croissant("MIT").replace("\"name\": \"Harbour Voices\",", ""));
    Run noName =
        relay(home, "dataset", "register", "--key", "alice", "--croissant", broken.toString());
    assertThat(noName.exit()).isEqualTo(1);
    assertThat(noName.err())
        .isEqualTo("assent: croissant: missing required field 'name' (or give --name)\n");

    Run listed = assent(home, "--json", "dataset", "list", "--curator", aliceDid);
    assertThat(listed.json().path("datasets").findValuesAsText("id"))
        .containsExactlyInAnyOrder(base, derived);
  }

  /**
   * Permits combine the licenses along the lineage and the consents; the curator's manifest lists
   * the valid anchored consents, then the withdrawn ones.
   */
  private void permitsAndManifest(String base, String derived) throws Exception {
    Run denied =
        assent(
            home, "--json", "dataset", "permits", derived, "--purpose", "commercial-ai-training");
    assertThat(denied.exit()).isEqualTo(1);
    assertThat(denied.json().path("decision").asText()).isEqualTo("denied");
    assertThat(denied.json().path("reasons").findValuesAsText("license"))
        .contains("CC-BY-NC-4.0", "CC-BY-4.0");
    Run deniedText =
        assent(home, "dataset", "permits", derived, "--purpose", "commercial-ai-training");
    assertThat(deniedText.out())
        .startsWith("denied: commercial-ai-training of " + derived)
        .contains("CC-BY-NC-4.0");
    Run research =
        assent(home, "dataset", "permits", derived, "--purpose", "non-commercial-research");
    assertThat(research.exit()).as(research.out() + research.err()).isZero();
    assertThat(research.out())
        .startsWith("conditional: non-commercial-research")
        .contains("attribution");

    // A subject consents to training on the base dataset; once anchored, the curator's manifest
    // lists it with its proof.
    ok(assent(subjectHome, "key", "new", "--name", "sam"));
    Run granted =
        assent(
            subjectHome,
            "--json",
            "consent",
            "grant",
            "--dataset",
            base,
            "--purpose",
            "ai:ModelTraining",
            "--jurisdiction",
            "EU",
            "--until",
            "2099-12-31");
    ok(granted);
    String consent = granted.json().path("consentId").asText();
    await()
        .atMost(INDEXED)
        .until(
            () ->
                assent(subjectHome, "--json", "consent", "show", consent)
                    .json()
                    .path("status")
                    .path("status")
                    .asText()
                    .equals("anchored"));
    Run allowed =
        assent(home, "--json", "dataset", "permits", base, "--purpose", "commercial-ai-training");
    assertThat(allowed.exit()).as(allowed.out() + allowed.err()).isZero();
    assertThat(allowed.json().path("decision").asText()).isEqualTo("conditional");
    assertThat(allowed.json().path("conditions").toString()).contains("consented-subjects-only");
    assertThat(allowed.json().path("consents").path("valid").asInt()).isEqualTo(1);

    Path manifest = home.resolve("consented.jsonl");
    Run written =
        assent(
            home,
            "dataset",
            "manifest",
            base,
            "--key",
            "alice",
            "--purpose",
            "commercial-ai-training",
            "--out",
            manifest.toString());
    ok(written);
    assertThat(written.out()).isEqualTo("1 consents written to " + manifest + "\n");
    JsonNode line = JSON.readTree(Files.readString(manifest).strip());
    assertThat(line.path("consentId").asText()).isEqualTo(consent);
    assertThat(line.path("proof").isArray()).isTrue();
    Run notCurator =
        assent(
            home,
            "dataset",
            "manifest",
            base,
            "--key",
            "bob",
            "--purpose",
            "commercial-ai-training");
    assertThat(notCurator.exit()).isEqualTo(1);
    assertThat(notCurator.err()).startsWith("assent: the node refused: forbidden");

    ok(assent(subjectHome, "consent", "withdraw", consent));
    await()
        .atMost(INDEXED)
        .until(
            () ->
                assent(
                        home,
                        "--json",
                        "dataset",
                        "manifest",
                        base,
                        "--key",
                        "alice",
                        "--withdrawn-since",
                        "0")
                    .json()
                    .path("entries")
                    .findValuesAsText("consentId")
                    .contains(consent));
  }

  private String license(String id) throws Exception {
    return assent(home, "--json", "dataset", "show", id).json().path("license").asText();
  }

  private static String croissant(String license) {
    return """
        {
          "@context": {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/",
                       "dct": "http://purl.org/dc/terms/", "conformsTo": "dct:conformsTo",
                       "prov": "http://www.w3.org/ns/prov#"},
          "@type": "sc:Dataset",
          "conformsTo": "http://mlcommons.org/croissant/1.1",
          "name": "Harbour Voices",
          "description": "Transcribed oral-history interviews with harbour workers.",
          "version": "2.1.0",
          "datePublished": "2026-10-01",
          "license": "%s",
          "url": "https://data.example.org/harbour-voices",
          "creator": {"@type": "sc:Organization", "name": "Example Maritime Archive"},
          "distribution": [
            {"@type": "cr:FileObject", "@id": "transcripts.csv", "name": "transcripts.csv",
             "contentUrl": "transcripts.csv", "encodingFormat": "text/csv",
             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
            {"@type": "cr:FileObject", "@id": "audio.zip", "name": "audio.zip",
             "contentUrl": "audio.zip", "encodingFormat": "application/zip",
             "sha256": "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"},
            {"@type": "cr:FileSet", "@id": "audio-files", "containedIn": {"@id": "audio.zip"},
             "encodingFormat": "audio/flac", "includes": "*.flac"}
          ]
        }
        """
        .formatted(license);
  }

  private static void ok(Run run) {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
  }
}

package io.assent.testnet.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.assent.contracts.devchain.Anvil;
import io.assent.node.AssentNode;
import io.assent.node.TestNode;
import io.assent.testnet.ConsentRequests;
import io.assent.testnet.ConsentRequests.SignedGrant;
import io.assent.testnet.NodeClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * A realistic consent scenario (subjects grant, one withdraws, one erases; everything anchored),
 * then every transaction's calldata and every log on the dev chain is searched for personal data:
 * subject addresses (as bytes, so also inside 32-byte words, and as text in any case, with and
 * without 0x), DIDs, purposes, jurisdiction, notice digests, nonces, salts, signatures and the
 * record's text. None may appear. Public values (dataset ids, the contract addresses, the relayer
 * paying the anchors) may; the relayer address and the anchored roots are searched as a control, so
 * the scan is shown to find what is there.
 */
class NoPersonalDataOnChainIT {
  private static final List<String> PURPOSES =
      List.of("ai:ModelTraining", "dpv:ScientificResearch", "ai:RadiologyFineTuning");
  private static final String JURISDICTION = "EU-DE-BY";
  private static final int SUBJECTS = 4;

  @Test
  void noSubjectOrRecordDataReachesTheChain() throws Exception {
    try (TestNode net = TestNode.startChain()) {
      AssentNode node = net.startNode(Map.of("anchor.batchSize", "3", "anchor.maxWaitMs", "100"));
      String hostPort = "127.0.0.1:" + node.httpPort();
      NodeClient client = new NodeClient("http://" + hostPort);
      ConsentRequests requests =
          new ConsentRequests(Anvil.CHAIN_ID, net.consentAnchor().address(), "dev");
      List<String> datasets = List.of(ConsentRequests.randomHex32(), ConsentRequests.randomHex32());

      Map<String, Credentials> subjectOf = new LinkedHashMap<>();
      List<SignedGrant> grants = new ArrayList<>();
      for (int s = 0; s < SUBJECTS; s++) {
        Credentials subject = Credentials.create(Keys.createEcKeyPair());
        for (int d = 0; d < datasets.size(); d++) {
          SignedGrant grant =
              requests.grant(
                  subject,
                  datasets.get(d),
                  PURPOSES.subList(0, 1 + (s + d) % PURPOSES.size()),
                  ConsentRequests.randomHex32(),
                  JURISDICTION,
                  Instant.now().plus(Duration.ofDays(365)).getEpochSecond());
          NodeClient.Answer answer = client.postJson("/v1/consents", grant.body());
          assertThat(answer.status()).as("%s", answer.body()).isEqualTo(202);
          subjectOf.put(answer.body().get("consentId").asText(), subject);
          grants.add(grant);
        }
      }
      List<String> ids = new ArrayList<>(subjectOf.keySet());
      awaitStatus(client, ids, "anchored");

      // The records as their subjects read them (salt and all), before one is erased.
      List<JsonNode> records = new ArrayList<>();
      for (String id : ids) {
        NodeClient.Answer record =
            client.getAuthorized(
                "/v1/consents/" + id + "/record", requests.siwe(hostPort, subjectOf.get(id)));
        assertThat(record.status()).as("%s", record.body()).isEqualTo(200);
        records.add(record.body());
      }
      List<String> roots = new ArrayList<>();
      for (String id : ids) {
        roots.add(client.get("/v1/consents/" + id).body().at("/anchor/root").asText());
      }

      String withdrawn = ids.get(0);
      String erased = ids.get(2);
      assertThat(
              client
                  .postJson(
                      "/v1/consents/" + withdrawn + "/withdrawal",
                      requests.withdrawal(withdrawn, subjectOf.get(withdrawn)))
                  .status())
          .isEqualTo(202);
      assertThat(
              client
                  .postJson(
                      "/v1/consents/" + erased + "/erasure",
                      requests.erasure(erased, subjectOf.get(erased)))
                  .status())
          .isEqualTo(200);
      awaitStatus(client, List.of(withdrawn), "withdrawn");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                JsonNode a = client.status().get("anchoring");
                return a.get("queuedConsents").asLong() == 0
                    && a.get("queuedWithdrawals").asLong() == 0
                    && a.get("pendingBatches").asLong() == 0;
              });

      ChainBytes chain = ChainBytes.read(net.anvil());
      assertThat(chain.transactions()).isGreaterThan(2);
      assertThat(chain.logs()).isGreaterThan(1);
      // Controls: public values the scan must find.
      assertThat(chain.contains(address(Anvil.devCredentials(TestNode.RELAYER)))).isTrue();
      roots.forEach(
          root -> assertThat(chain.contains(Numeric.hexStringToByteArray(root))).isTrue());

      List<String> leaks = new ArrayList<>();
      for (Credentials subject : new java.util.HashSet<>(subjectOf.values())) {
        checkBytes(chain, "subject address", address(subject), leaks);
        String hex = Numeric.cleanHexPrefix(subject.getAddress());
        for (String text :
            List.of(
                hex.toLowerCase(Locale.ROOT),
                hex.toUpperCase(Locale.ROOT),
                Numeric.cleanHexPrefix(Keys.toChecksumAddress(subject.getAddress())),
                requests.did(subject))) {
          checkText(chain, "subject as text", text, leaks);
        }
      }
      for (SignedGrant grant : grants) {
        checkText(chain, "DID", grant.did(), leaks);
        grant.grant().purposes().forEach(p -> checkText(chain, "purpose", p, leaks));
        checkText(chain, "jurisdiction", grant.grant().jurisdiction(), leaks);
        checkHex(chain, "notice digest", grant.grant().noticeDigest(), leaks);
        checkHex(chain, "grant nonce", grant.grant().nonce(), leaks);
        checkHex(chain, "signature r", grant.signature().substring(0, 66), leaks);
      }
      for (JsonNode record : records) {
        checkHex(chain, "salt", record.get("salt").asText(), leaks);
        for (String fragment : privateFragments(record.get("record"), datasets, net)) {
          checkText(chain, "record text", fragment, leaks);
        }
      }
      assertThat(leaks).as("personal data found on chain").isEmpty();
    }
  }

  /**
   * The record's string values of 5+ characters, and 24-character windows of its text, except the
   * public ones: the dataset ids and the ConsentAnchor address (the EIP-712 verifying contract).
   */
  private static List<String> privateFragments(
      JsonNode record, List<String> datasets, TestNode net) {
    List<String> fragments = new ArrayList<>();
    collectStrings(record, fragments);
    fragments.removeIf(
        s ->
            s.length() < 5
                || datasets.contains(s)
                || s.equalsIgnoreCase(net.consentAnchor().address()));
    String text = record.toString();
    for (int i = 0; i + 24 <= text.length(); i += 12) {
      String window = text.substring(i, i + 24);
      if (datasets.stream().noneMatch(d -> d.contains(window) || window.contains(d))) {
        fragments.add(window);
      }
    }
    return fragments;
  }

  private static void collectStrings(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      collectStrings(it.next(), out);
    }
  }

  private static void checkText(ChainBytes chain, String what, String text, List<String> leaks) {
    if (chain.containsText(text)) {
      leaks.add(what + ": " + text);
    }
  }

  private static void checkHex(ChainBytes chain, String what, String hex, List<String> leaks) {
    checkBytes(chain, what, Numeric.hexStringToByteArray(hex), leaks);
    checkText(chain, what + " as text", Numeric.cleanHexPrefix(hex), leaks);
  }

  private static void checkBytes(ChainBytes chain, String what, byte[] bytes, List<String> leaks) {
    if (chain.contains(bytes)) {
      leaks.add(what + ": " + Numeric.toHexString(bytes));
    }
  }

  private static byte[] address(Credentials c) {
    return Numeric.hexStringToByteArray(c.getAddress());
  }

  static void awaitStatus(NodeClient client, List<String> ids, String status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              for (String id : ids) {
                assertThat(client.get("/v1/consents/" + id).body().get("status").asText())
                    .as(id)
                    .isEqualTo(status);
              }
            });
  }
}

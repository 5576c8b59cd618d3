package io.assent.testnet.bench;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.contracts.consent.ConsentTypedData;
import io.assent.contracts.devchain.Anvil;
import io.assent.testnet.ConsentRequests;
import io.assent.testnet.ConsentRequests.SignedGrant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * Consent ingest: signed grants per second over HTTP ({@code POST /v1/consents}, keep-alive, C
 * concurrent clients), each acknowledged with 202 only after the node's synced RocksDB write;
 * beside the raw secp256k1 recovery rate of the same machine in the same run ({@link
 * ConsentTypedData#recover} in a tight loop, on 1 and 2 threads). Goal: ingest / recovery (2
 * threads) at least 0.7. The node runs in this JVM with its anchorer on (batches of 1,000 sent to
 * the dev chain while the grants arrive), as in production.
 *
 * <p>Usage: {@code IngestBenchmark [grants] [clients]} (default 20,000 grants, 8 clients). Grants
 * are signed before the clock starts (signing is the wallet's work, not the node's).
 */
public final class IngestBenchmark {
  private static final int RECOVERIES = 4_000;

  public static void main(String[] args) throws Exception {
    Bench.quietLogging();
    int grants = (int) Bench.positiveArgument(args, "grants", 20_000);
    int clients =
        (int)
            Bench.positiveArgument(
                java.util.Arrays.copyOfRange(args, Math.min(1, args.length), args.length),
                "clients",
                8);
    System.out.println("## Consent ingest\n\n" + Machine.describe() + "\n");
    try (BenchChain chain = BenchChain.start()) {
      ConsentAnchorClient anchor = chain.deployConsentAnchor();
      ConsentRequests requests = new ConsentRequests(Anvil.CHAIN_ID, anchor.address(), "dev");
      List<SignedGrant> signed = sign(requests, grants);
      Bench.progress("signed %d grants", grants);
      double one = recoveryRate(requests, signed, 1);
      double two = recoveryRate(requests, signed, 2);
      Bench.progress("recovery: %.0f/s on 1 thread, %.0f/s on 2", one, two);
      Map<String, String> settings =
          Map.of(
              "contracts.consentAnchor", anchor.address(),
              "relayer.key", Anvil.DEV_KEYS.get(BenchChain.RELAYER));
      double ingest;
      try (InProcessNode node = InProcessNode.start(chain, settings)) {
        // Warm-up: JIT of the whole request path, not counted.
        post(node.baseUrl(), signed.subList(0, Math.min(1_000, grants / 10)), clients);
        List<SignedGrant> measured = signed.subList(Math.min(1_000, grants / 10), grants);
        long start = System.nanoTime();
        post(node.baseUrl(), measured, clients);
        ingest = measured.size() / ((System.nanoTime() - start) / 1e9);
        Bench.progress("ingest: %.0f grants/s", ingest);
      }
      System.out.println(report(grants, clients, ingest, one, two));
    }
    System.exit(0); // web3j and Vert.x leave non-daemon threads behind
  }

  private static List<SignedGrant> sign(ConsentRequests requests, int n) throws Exception {
    List<Credentials> subjects = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      subjects.add(Credentials.create(Keys.createEcKeyPair()));
    }
    String dataset = ConsentRequests.randomHex32();
    long until = Instant.now().plus(Duration.ofDays(365)).getEpochSecond();
    List<SignedGrant> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          requests.grant(
              subjects.get(i % subjects.size()),
              dataset,
              List.of("ai:ModelTraining", "dpv:ScientificResearch"),
              ConsentRequests.randomHex32(),
              "EU",
              until));
    }
    return out;
  }

  /** Recoveries per second (wall clock) over {@code threads} threads, after a warm-up. */
  private static double recoveryRate(
      ConsentRequests requests, List<SignedGrant> grants, int threads) throws InterruptedException {
    runRecoveries(requests, grants, 1, RECOVERIES / 4);
    long start = System.nanoTime();
    runRecoveries(requests, grants, threads, RECOVERIES);
    return (double) RECOVERIES * threads / ((System.nanoTime() - start) / 1e9);
  }

  private static void runRecoveries(
      ConsentRequests requests, List<SignedGrant> grants, int threads, int perThread)
      throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * perThread;
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < perThread; i++) {
                      SignedGrant g = grants.get((offset + i) % grants.size());
                      String signer =
                          ConsentTypedData.recover(requests.domain(), g.grant(), g.signature());
                      if (!signer.equalsIgnoreCase(g.grant().subject())) {
                        throw new IllegalStateException("recovered " + signer);
                      }
                    }
                  }));
    }
    for (Thread w : workers) {
      w.join();
    }
  }

  /** Posts every grant once, from {@code clients} threads; each must be answered 202. */
  private static void post(String baseUrl, List<SignedGrant> grants, int clients)
      throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI uri = URI.create(baseUrl + "/v1/consents");
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int c = 0; c < clients; c++) {
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = next.getAndIncrement();
                        i < grants.size();
                        i = next.getAndIncrement()) {
                      HttpRequest request =
                          HttpRequest.newBuilder(uri)
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(grants.get(i).body()))
                              .build();
                      try {
                        HttpResponse<String> response =
                            http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202) {
                          throw new IllegalStateException(
                              response.statusCode() + " " + response.body());
                        }
                      } catch (Exception e) {
                        errors.add(e);
                        return;
                      }
                    }
                  }));
    }
    for (Thread w : workers) {
      w.join();
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("ingest failed: " + errors.get(0), errors.get(0));
    }
  }

  private static String report(int grants, int clients, double ingest, double one, double two) {
    return String.format(
        Locale.ROOT,
        """
        | measure | rate |
        |---|---:|
        | secp256k1 recovery (ConsentTypedData.recover), 1 thread | %,.0f /s |
        | secp256k1 recovery, 2 threads | %,.0f /s |
        | ingest over HTTP (%d clients, keep-alive, each 202 after a synced write) | %,.0f grants/s |
        | **ratio ingest / recovery (2 threads)** | **%.2f** (goal >= 0.7) |
        | ratio ingest / recovery (1 thread) | %.2f |

        %,d grants signed beforehand (the first %,d as warm-up), 100 subjects, one dataset.
        """,
        one,
        two,
        clients,
        ingest,
        ingest / two,
        ingest / one,
        grants,
        Math.min(1_000, grants / 10));
  }
}

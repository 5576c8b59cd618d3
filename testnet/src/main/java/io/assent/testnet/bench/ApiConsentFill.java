package io.assent.testnet.bench;

import io.assent.testnet.ConsentRequests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Fills a running node with consents through its API, as users would: each grant signed by its
 * subject's own key (EIP-712) and sent as {@code POST /v1/consents}, each answered 202 after the
 * node's synced write; the node's anchorer anchors them meanwhile. Chunk by chunk: the grants of a
 * chunk are signed on every core, then posted by {@code clients} keep-alive connections (signing
 * and posting do not compete for the CPU).
 *
 * <p>Subject {@code s} (of {@code consents / perSubject}) has a key derived from {@code s}; its
 * consent {@code k} grants dataset {@code (s + 7k) mod datasets} the purposes {@code PURPOSES[k mod
 * 4]} and {@code PURPOSES[(k + 1) mod 4]}, valid from an hour before signing for a year. So its
 * first consent grants {@link #firstDataset} for {@code PURPOSES[0]}.
 */
final class ApiConsentFill {
  static final List<String> PURPOSES =
      List.of(
          "ai:ModelTraining", "dpv:ScientificResearch", "dpv:ServiceProvision", "ai:Evaluation");
  private static final int CHUNK = 20_000;

  private final ConsentRequests requests;
  private final List<String> datasets;
  private final int perSubject;
  private final String[] subjects;

  /** Derives the subjects' keys (their addresses are kept for the queries). */
  ApiConsentFill(ConsentRequests requests, List<String> datasets, int consents, int perSubject) {
    this.requests = requests;
    this.datasets = datasets;
    this.perSubject = perSubject;
    this.subjects = new String[consents / perSubject];
    IntStream.range(0, subjects.length).parallel().forEach(s -> subjects[s] = key(s).getAddress());
  }

  int subjects() {
    return subjects.length;
  }

  /** Subject {@code s}'s address (lower-case 0x-hex). */
  String subject(int s) {
    return subjects[s];
  }

  /** The dataset subject {@code s}'s first consent grants ({@code PURPOSES[0]} among them). */
  String firstDataset(int s) {
    return datasets.get(s % datasets.size());
  }

  private static Credentials key(int s) {
    byte[] seed = Hash.sha3(("assent-bench-check-subject-" + s).getBytes(StandardCharsets.UTF_8));
    return Credentials.create(ECKeyPair.create(Numeric.toBigInt(seed)));
  }

  /** What the fill measured: wall time of the posting alone, and of the whole fill. */
  record Timing(Duration posting, Duration total) {}

  /** Signs and posts every subject's consents; fails on any answer but 202. */
  Timing fill(String baseUrl, int clients) throws Exception {
    URI uri = URI.create(baseUrl);
    String hostPort = uri.getHost() + ":" + uri.getPort();
    int consents = subjects.length * perSubject;
    long until = Instant.now().plus(Duration.ofDays(365)).getEpochSecond();
    long postingNanos = 0;
    long started = System.nanoTime();
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService signers = Executors.newFixedThreadPool(cores);
    try {
      for (int from = 0; from < consents; from += CHUNK) {
        int to = Math.min(consents, from + CHUNK);
        List<byte[]> encoded = sign(signers, cores, hostPort, from, to, until);
        long posting = System.nanoTime();
        RawHttpConnection.postAll(
            uri.getHost(),
            uri.getPort(),
            encoded,
            clients,
            RawHttpConnection.Expectation.status(202));
        postingNanos += System.nanoTime() - posting;
        Bench.progress("posted %,d of %,d consents", to, consents);
      }
    } finally {
      signers.shutdownNow();
    }
    return new Timing(
        Duration.ofNanos(postingNanos), Duration.ofNanos(System.nanoTime() - started));
  }

  private List<byte[]> sign(
      ExecutorService signers, int parts, String hostPort, int from, int to, long until)
      throws Exception {
    List<Future<List<byte[]>>> futures = new ArrayList<>();
    int size = (to - from + parts - 1) / parts;
    for (int p = 0; p < parts; p++) {
      int start = from + p * size;
      int end = Math.min(to, start + size);
      futures.add(
          signers.submit(
              () -> {
                List<byte[]> out = new ArrayList<>();
                Credentials key = null;
                for (int n = start; n < end; n++) {
                  if (key == null || n % perSubject == 0) {
                    key = key(n / perSubject); // once per subject: a point multiplication
                  }
                  out.add(
                      RawHttpConnection.encodePost(hostPort, "/v1/consents", body(key, n, until)));
                }
                return out;
              }));
    }
    List<byte[]> encoded = new ArrayList<>(to - from);
    for (Future<List<byte[]>> f : futures) {
      encoded.addAll(f.get());
    }
    return encoded;
  }

  private String body(Credentials key, int n, long until) {
    int s = n / perSubject;
    int k = n % perSubject;
    return requests
        .grant(
            key,
            datasets.get((s + 7 * k) % datasets.size()),
            List.of(PURPOSES.get(k % 4), PURPOSES.get((k + 1) % 4)),
            ConsentRequests.randomHex32(),
            "EU",
            until)
        .body();
  }
}

package io.assent.node.consent;

import io.assent.node.identity.FakeRegistry;
import io.assent.node.identity.IdentityIndex;
import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.testing.ManualClock;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A consent service over an in-memory store with a fake DID registry, keys and a settable clock.
 */
final class ConsentFixture {
  static final long NOW = 1_800_000_000L;
  static final String DATASET = "0x" + "d5".repeat(32);
  static final String NOTICE = "0x" + "ab".repeat(32);
  static final SigningDomain DOMAIN = new SigningDomain(31337, "0x" + "c0".repeat(20));

  final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  final FakeRegistry registry = new FakeRegistry(store);
  final ManualClock clock = new ManualClock(NOW);
  final Eip712ConsentSignatures signatures = new Eip712ConsentSignatures(DOMAIN);
  final SummaryWriters writers = new SummaryWriters();
  final ConsentService service = serviceOn(store, writers);
  private final SecureRandom random = new SecureRandom();
  private long block = 1;

  /** A consent service over another store, with this fixture's signatures and clock. */
  ConsentService serviceOn(KeyValueStore other) {
    return serviceOn(other, new SummaryWriters());
  }

  private ConsentService serviceOn(KeyValueStore other, SummaryWriters summaryWriters) {
    return new ConsentService(
        other,
        signatures,
        new SignerAuthority(new IdentityIndex(other)),
        DatasetDirectory.ACCEPT_ALL,
        clock,
        summaryWriters);
  }

  static Credentials key(int i) {
    return Credentials.create(ECKeyPair.create(BigInteger.valueOf(1000L + i)));
  }

  static String did(Credentials subject) {
    return "did:ethr:dev:" + subject.getAddress();
  }

  FakeRegistry inBlock() {
    return registry.block(block++, clock.instant().getEpochSecond());
  }

  String nonce() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Numeric.toHexString(b);
  }

  Grant grant(Credentials subject, long validUntil) {
    return new Grant(
        did(subject),
        subject.getAddress(),
        DATASET,
        List.of("ai:ModelTraining", "dpv:ScientificResearch"),
        "dpv:Use",
        "dpv:Consent",
        NOTICE,
        "v3",
        "EU",
        NOW - 10,
        validUntil,
        nonce());
  }

  Grant grant(Credentials subject) {
    return grant(subject, NOW + 86_400);
  }

  /** {@code g} with other purposes and validity, the same nonce. */
  static Grant reshaped(Grant g, List<String> purposes, long validFrom, long validUntil) {
    return new Grant(
        g.subjectDid(),
        g.subject(),
        g.dataset(),
        purposes,
        g.processing(),
        g.legalBasis(),
        g.noticeDigest(),
        g.noticeVersion(),
        g.jurisdiction(),
        validFrom,
        validUntil,
        g.nonce());
  }

  /** {@code g} with another nonce. */
  static Grant withNonce(Grant g, String nonce) {
    return new Grant(
        g.subjectDid(),
        g.subject(),
        g.dataset(),
        g.purposes(),
        g.processing(),
        g.legalBasis(),
        g.noticeDigest(),
        g.noticeVersion(),
        g.jurisdiction(),
        g.validFrom(),
        g.validUntil(),
        nonce);
  }

  String sign(byte[] digest, Credentials signer) {
    Sign.SignatureData sig = Sign.signMessage(digest, signer.getEcKeyPair(), false);
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return Numeric.toHexString(out);
  }

  String sign(Grant grant, Credentials signer) {
    return sign(signatures.digest(grant), signer);
  }

  SubjectAction action(SubjectAction.Kind kind, String consentId, Credentials subject) {
    return new SubjectAction(
        kind, consentId, subject.getAddress(), clock.instant().getEpochSecond(), nonce());
  }

  String sign(SubjectAction action, Credentials signer) {
    return sign(signatures.digest(action), signer);
  }

  /** Every key and value of the store, to show that a refusal changed nothing. */
  List<String> dump() {
    List<String> out = new ArrayList<>();
    for (Segment segment : Segment.values()) {
      try (Stream<KeyValue> entries = store.stream(segment, new byte[0])) {
        entries.forEach(
            kv ->
                out.add(
                    segment
                        + ":"
                        + Numeric.toHexString(kv.key())
                        + "="
                        + Numeric.toHexString(kv.value())));
      }
    }
    return out;
  }
}

package io.assent.node.dataset.permit;

import io.assent.node.anchor.AnchoringDriver;
import io.assent.node.consent.AnchoringTally;
import io.assent.node.consent.ConsentService;
import io.assent.node.consent.DatasetConsents;
import io.assent.node.consent.DatasetDirectory;
import io.assent.node.consent.Eip712ConsentSignatures;
import io.assent.node.consent.Grant;
import io.assent.node.consent.SignerAuthority;
import io.assent.node.consent.SigningDomain;
import io.assent.node.consent.SubjectAction;
import io.assent.node.consent.SummaryWriters;
import io.assent.node.dataset.DatasetIndex;
import io.assent.node.dataset.license.LicensePolicy;
import io.assent.node.identity.IdentityIndex;
import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.testing.ManualClock;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A permit service over real parts in memory: the dataset index fed by registry logs, the bundled
 * license policy, the consent service and the anchorer (on a fake chain).
 */
final class PermitFixture implements AutoCloseable {
  static final long T0 = 1_800_000_000L;
  static final String CURATOR = "0x00000000000000000000000000000000000c0a7e";

  final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  final RegistryLogs registry = new RegistryLogs(store);
  final ManualClock clock = new ManualClock(T0);
  final Eip712ConsentSignatures signatures =
      new Eip712ConsentSignatures(new SigningDomain(31337, "0x" + "c0".repeat(20)));
  private final SummaryWriters writers = new SummaryWriters();
  final ConsentService consents =
      new ConsentService(
          store,
          signatures,
          new SignerAuthority(new IdentityIndex(store)),
          DatasetDirectory.ACCEPT_ALL,
          clock,
          writers);
  final AnchoringDriver anchoring = new AnchoringDriver(store, new AnchoringTally(writers));
  final PermitService permits =
      new PermitService(
          new DatasetIndex(store), LicensePolicy.bundled(), new DatasetConsents(store));
  private final SecureRandom random = new SecureRandom();
  private int subjects;

  /** A consent of a new subject, valid over [from, until) (0: no end); its id. */
  String consent(String dataset, List<String> purposes, long from, long until) {
    Credentials subject = subject(subjects++);
    Grant grant =
        new Grant(
            "did:ethr:dev:" + subject.getAddress(),
            subject.getAddress(),
            dataset,
            purposes,
            "dpv:Use",
            "dpv:Consent",
            "0x" + "ab".repeat(32),
            "v1",
            "EU",
            from,
            until,
            nonce());
    return consents.accept(grant, sign(signatures.digest(grant), subject)).consentId();
  }

  /** Withdraws consent number {@code n} (in creation order) at the clock's time. */
  void withdraw(int n, String consentId) {
    Credentials subject = subject(n);
    SubjectAction w =
        new SubjectAction(
            SubjectAction.Kind.WITHDRAWAL,
            consentId,
            subject.getAddress(),
            clock.instant().getEpochSecond(),
            nonce());
    consents.withdraw(consentId, w, sign(signatures.digest(w), subject));
  }

  private static Credentials subject(int n) {
    return Credentials.create(ECKeyPair.create(BigInteger.valueOf(7_000 + n)));
  }

  private String nonce() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Numeric.toHexString(b);
  }

  private static String sign(byte[] digest, Credentials signer) {
    Sign.SignatureData sig = Sign.signMessage(digest, signer.getEcKeyPair(), false);
    byte[] out = new byte[65];
    System.arraycopy(sig.getR(), 0, out, 0, 32);
    System.arraycopy(sig.getS(), 0, out, 32, 32);
    out[64] = sig.getV()[0];
    return Numeric.toHexString(out);
  }

  @Override
  public void close() {
    consents.close();
  }
}

package io.assent.node.consent;

import static io.assent.node.consent.ConsentFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.node.consent.SubjectAction.Kind;
import io.assent.node.store.Bytes;
import io.assent.node.store.KeyValue;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class NonceMigrationTest {
  private final ConsentFixture f = new ConsentFixture();
  private final Credentials alice = ConsentFixture.key(1);
  private final Credentials bob = ConsentFixture.key(2);

  /** A nonce a subject used, as schema 2 kept it; {@code grantDigest} null for an action's. */
  private record Use(String subject, String nonce, byte[] id, byte[] grantDigest, byte[] sig) {}

  private final List<Use> uses = new ArrayList<>();
  private final List<Use> erased = new ArrayList<>();

  @Test
  void schemaTwoNoncesBecomeOneEntryEachAndStillRefuseEveryReplay() {
    Grant kept = f.grant(alice);
    String keptSig = f.sign(kept, alice);
    byte[] keptId = accept(kept, keptSig);
    Grant withdrawn = f.grant(bob);
    byte[] withdrawnId = accept(withdrawn, f.sign(withdrawn, bob));
    f.clock.set(NOW + 10);
    SubjectAction w = f.action(Kind.WITHDRAWAL, Numeric.toHexString(withdrawnId), bob);
    f.service.withdraw(Numeric.toHexString(withdrawnId), w, f.sign(w, bob));
    uses.add(new Use(bob.getAddress(), w.nonce(), withdrawnId, null, null));
    Grant gone = f.grant(alice);
    String goneSig = f.sign(gone, alice);
    byte[] goneId = accept(gone, goneSig);
    uses.removeIf(u -> u.id() == goneId);
    SubjectAction e = f.action(Kind.ERASURE, Numeric.toHexString(goneId), alice);
    f.service.erase(Numeric.toHexString(goneId), e, f.sign(e, alice));
    erased.add(new Use(alice.getAddress(), gone.nonce(), goneId, null, null));
    erased.add(new Use(alice.getAddress(), e.nonce(), goneId, null, null));
    List<String> asThisVersionWritesIt = f.dump();

    asSchemaTwo();
    assertThat(f.dump()).isNotEqualTo(asThisVersionWritesIt);
    NonceMigration.usedNonces(f.store, 2); // several transactions per kind

    assertThat(f.dump()).isEqualTo(asThisVersionWritesIt);
    assertThat(f.service.accept(kept, keptSig).created()).as("a repeat").isFalse();
    assertRefused(() -> f.service.accept(gone, goneSig));
    assertRefused(
        () -> {
          Grant reused = ConsentFixture.withNonce(f.grant(bob), w.nonce());
          f.service.accept(reused, f.sign(reused, bob));
        });
  }

  @Test
  void aSecondRunAfterACrashMidwayFinishesTheJob() {
    Grant g = f.grant(alice);
    accept(g, f.sign(g, alice));
    Grant h = f.grant(bob);
    accept(h, f.sign(h, bob));
    List<String> asThisVersionWritesIt = f.dump();
    asSchemaTwo();
    try (Transaction tx = f.store.startTransaction()) { // one grant's K written, G and N left
      Use first = uses.getFirst();
      tx.put(
          Segment.CONSENT_INDEX,
          ConsentKeys.usedNonce(first.subject(), first.nonce()),
          ConsentKeys.grantUse(first.id(), first.grantDigest(), first.sig()));
      tx.commit();
    }

    NonceMigration.usedNonces(f.store, 1);

    assertThat(f.dump()).isEqualTo(asThisVersionWritesIt);
  }

  private byte[] accept(Grant g, String sig) {
    byte[] id = Numeric.hexStringToByteArray(f.service.accept(g, sig).consentId());
    uses.add(
        new Use(
            g.subject(),
            g.nonce(),
            id,
            f.signatures.digest(g),
            Hash.sha3(Numeric.hexStringToByteArray(sig))));
    return id;
  }

  private void assertRefused(Runnable replay) {
    assertThatThrownBy(replay::run)
        .isInstanceOfSatisfying(
            ConsentException.class,
            ex -> assertThat(ex.error()).isEqualTo(ConsentError.NONCE_REUSED));
  }

  /** Replaces the used-nonce entries by schema 2's G, N and X entries for the same uses. */
  private void asSchemaTwo() {
    try (Transaction tx = f.store.startTransaction()) {
      try (Stream<KeyValue> used =
          tx.stream(Segment.CONSENT_INDEX, new byte[] {ConsentKeys.USED_NONCE})) {
        used.toList().forEach(kv -> tx.delete(Segment.CONSENT_INDEX, kv.key()));
      }
      for (Use u : uses) {
        byte[] subject = Numeric.hexStringToByteArray(u.subject());
        byte[] nonce = Numeric.hexStringToByteArray(u.nonce());
        tx.put(Segment.CONSENT_INDEX, Bytes.concat(new byte[] {'N'}, subject, nonce), u.id());
        if (u.grantDigest() != null) {
          tx.put(
              Segment.CONSENT_INDEX,
              Bytes.concat(new byte[] {'G'}, u.grantDigest()),
              Bytes.concat(u.id(), u.sig()));
        }
      }
      for (Use u : erased) {
        tx.put(
            Segment.CONSENT_INDEX,
            Bytes.concat(
                new byte[] {'X'},
                Hash.sha3(
                    Bytes.concat(
                        Numeric.hexStringToByteArray(u.subject()),
                        Numeric.hexStringToByteArray(u.nonce())))),
            new byte[0]);
      }
      tx.commit();
    }
  }
}

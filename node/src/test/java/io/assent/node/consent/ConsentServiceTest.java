package io.assent.node.consent;

import static io.assent.node.consent.ConsentFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.assent.contracts.json.Jcs;
import io.assent.node.consent.SubjectAction.Kind;
import io.assent.node.store.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

class ConsentServiceTest {
  private final ConsentFixture f = new ConsentFixture();
  private final ConsentService service = f.service;
  private final Credentials alice = ConsentFixture.key(1);
  private final Credentials mallory = ConsentFixture.key(2);
  private final Credentials delegate = ConsentFixture.key(3);

  /** A queue key as the design page lays it out: kind ‖ seq(8). */
  private static byte[] queued(char kind, long seq) {
    return io.assent.node.store.Bytes.concat(
        new byte[] {(byte) kind}, io.assent.node.store.Bytes.longBytes(seq));
  }

  private ConsentService.Accepted grant(Grant grant, Credentials signer) {
    return service.accept(grant, f.sign(grant, signer));
  }

  private void refused(Runnable action, ConsentError error) {
    List<String> before = f.dump();
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            ConsentException.class, e -> assertThat(e.error()).isEqualTo(error));
    assertThat(f.dump()).as("a refusal changes nothing").isEqualTo(before);
  }

  @Test
  void acceptsAGrantSignedByTheOwnerAndQueuesItsLeaf() {
    ConsentService.Accepted accepted = grant(f.grant(alice), alice);
    assertThat(accepted.created()).isTrue();
    assertThat(accepted.consentId()).matches("0x[0-9a-f]{64}");
    assertThat(service.status(accepted.consentId()).status()).isEqualTo("pending");
    byte[] queued = f.store.get(Segment.CONSENT_QUEUE, queued('L', 0)).orElseThrow();
    assertThat(Numeric.toHexString(queued)).isEqualTo(accepted.consentId());
    StoredRecord record = service.record(accepted.consentId()).orElseThrow();
    ConsentLeaf leaf =
        ConsentLeaf.of(
            Numeric.hexStringToByteArray(record.salt()), Jcs.canonicalize(record.record()));
    assertThat(leaf.consentId())
        .as("leaf = keccak256(salt ‖ JCS(record))")
        .isEqualTo(accepted.consentId());
    assertThat(record.record().at("/signature/signer").asText()).isEqualTo(alice.getAddress());
    assertThat(record.record().at("/piiPrincipal").asText()).isEqualTo(ConsentFixture.did(alice));
    assertThat(service.listForSubject(alice.getAddress()))
        .extracting(ConsentSummary::consentId)
        .containsExactly(accepted.consentId());
  }

  @Test
  void theSameSignedGrantAgainReturnsTheSameIdAndChangesNothing() {
    Grant g = f.grant(alice);
    String sig = f.sign(g, alice);
    String id = service.accept(g, sig).consentId();
    List<String> before = f.dump();
    ConsentService.Accepted again = service.accept(g, sig);
    assertThat(again.consentId()).isEqualTo(id);
    assertThat(again.created()).isFalse();
    assertThat(f.dump()).isEqualTo(before);
  }

  @Test
  void anotherGrantWithAUsedNonceIsAReplay() {
    Grant first = f.grant(alice);
    grant(first, alice);
    Grant second =
        ConsentFixture.reshaped(
            first, List.of("dpv:Marketing"), first.validFrom(), first.validUntil());
    refused(() -> grant(second, alice), ConsentError.NONCE_REUSED);
  }

  @Test
  void theSameGrantSignedAgainByADelegateIsAReplayAndChangesNothing() {
    f.inBlock().delegate(alice.getAddress(), "veriKey", delegate.getAddress(), NOW + 60);
    Grant g = f.grant(alice);
    grant(g, alice);
    List<String> before = f.dump();
    refused(() -> grant(g, delegate), ConsentError.NONCE_REUSED);
    assertThat(f.dump()).isEqualTo(before);
  }

  @Test
  void grantsAndWithdrawalsShareTheSubjectsNonces() {
    Grant first = f.grant(alice);
    String id = grant(first, alice).consentId();
    f.clock.set(NOW + 10);
    SubjectAction reusingTheGrants =
        new SubjectAction(Kind.WITHDRAWAL, id, alice.getAddress(), NOW + 10, first.nonce());
    refused(
        () -> service.withdraw(id, reusingTheGrants, f.sign(reusingTheGrants, alice)),
        ConsentError.NONCE_REUSED);
    SubjectAction w = f.action(Kind.WITHDRAWAL, id, alice);
    service.withdraw(id, w, f.sign(w, alice));
    Grant reusingTheWithdrawals = ConsentFixture.withNonce(f.grant(alice), w.nonce());
    List<String> before = f.dump();
    refused(() -> grant(reusingTheWithdrawals, alice), ConsentError.NONCE_REUSED);
    assertThat(f.dump()).isEqualTo(before);
  }

  @Test
  void aForgedOrMalformedSignatureIsRefused() {
    Grant g = f.grant(alice);
    String sig = f.sign(g, alice);
    String tampered =
        sig.substring(0, 10) + (sig.charAt(10) == 'a' ? 'b' : 'a') + sig.substring(11);
    // A tampered signature recovers some other key (not authorized) or none at all.
    assertThatThrownBy(() -> service.accept(g, tampered))
        .isInstanceOf(ConsentException.class)
        .extracting(e -> ((ConsentException) e).error())
        .isIn(ConsentError.INVALID_SIGNATURE, ConsentError.SIGNER_NOT_AUTHORIZED);
    refused(() -> service.accept(g, "0x" + "00".repeat(65)), ConsentError.INVALID_SIGNATURE);
    refused(() -> service.accept(g, sig.substring(0, 130)), ConsentError.INVALID_SIGNATURE);
  }

  @Test
  void aBatchAcceptsEachGoodGrantOnceAndRefusesTheOthersAlone() {
    Grant first = f.grant(alice);
    String firstSig = f.sign(first, alice);
    Grant sameNonce =
        ConsentFixture.reshaped(
            first, List.of("dpv:Marketing"), first.validFrom(), first.validUntil());
    Grant second = f.grant(alice);
    ConsentService.SignedGrant good = new ConsentService.SignedGrant(first, firstSig);
    List<ConsentService.Outcome> outcomes =
        service.acceptAll(
            List.of(
                good,
                good,
                new ConsentService.SignedGrant(sameNonce, f.sign(sameNonce, alice)),
                new ConsentService.SignedGrant(second, f.sign(second, mallory)),
                new ConsentService.SignedGrant(second, f.sign(second, alice))));

    assertThat(outcomes.get(0).accepted().created()).isTrue();
    assertThat(outcomes.get(0).accepted().status()).isEqualTo("pending");
    String id = outcomes.get(0).accepted().consentId();
    assertThat(outcomes.get(1).accepted())
        .as("the same signed grant again in the same batch: one consent, repeated")
        .isEqualTo(new ConsentService.Accepted(id, "pending", false));
    assertThat(outcomes.get(2).refusal().error()).isEqualTo(ConsentError.NONCE_REUSED);
    assertThat(outcomes.get(3).refusal().error()).isEqualTo(ConsentError.SIGNER_NOT_AUTHORIZED);
    assertThat(outcomes.get(4).accepted().created()).isTrue();
    assertThat(service.listForSubject(alice.getAddress()))
        .extracting(ConsentSummary::consentId)
        .containsExactlyInAnyOrder(id, outcomes.get(4).accepted().consentId());
    assertThat(f.store.get(Segment.CONSENT_QUEUE, queued('L', 2)))
        .as("two leaves queued, no more")
        .isEmpty();

    List<String> before = f.dump();
    List<ConsentService.Outcome> again = service.acceptAll(List.of(good));
    assertThat(again.get(0).accepted())
        .isEqualTo(new ConsentService.Accepted(id, "pending", false));
    assertThat(f.dump()).as("a repeated batch changes nothing").isEqualTo(before);
  }

  private static String publicKey(Credentials key) {
    return "0x04" + Numeric.toHexStringNoPrefixZeroPadded(key.getEcKeyPair().getPublicKey(), 128);
  }

  @Test
  void aBatchWithSignerKeysIsVerifiedTogetherAndAFalseKeyIsRefusedAlone() {
    Grant first = f.grant(alice);
    Grant second = f.grant(alice);
    Grant third = f.grant(alice);
    Grant byDelegate = f.grant(alice);
    List<ConsentService.SignedGrant> batch =
        List.of(
            new ConsentService.SignedGrant(first, f.sign(first, alice), publicKey(alice)),
            new ConsentService.SignedGrant(second, f.sign(second, alice), publicKey(mallory)),
            new ConsentService.SignedGrant(third, f.sign(third, alice), null),
            new ConsentService.SignedGrant(
                byDelegate, f.sign(byDelegate, mallory), publicKey(mallory)));
    List<String> before = f.dump();
    List<ConsentService.Outcome> outcomes = service.acceptAll(batch);

    assertThat(outcomes.get(0).accepted().created()).isTrue();
    assertThat(outcomes.get(1).refusal().error())
        .as("signed by alice, claiming mallory's key")
        .isEqualTo(ConsentError.INVALID_SIGNATURE);
    assertThat(outcomes.get(2).accepted().created()).as("no key: recovered").isTrue();
    assertThat(outcomes.get(3).refusal().error())
        .as("mallory's key is true, but mallory does not act for alice")
        .isEqualTo(ConsentError.SIGNER_NOT_AUTHORIZED);
    StoredRecord record = service.record(outcomes.get(0).accepted().consentId()).orElseThrow();
    assertThat(record.record().at("/signature/signer").asText()).isEqualTo(alice.getAddress());
    assertThat(service.listForSubject(alice.getAddress())).hasSize(2);

    List<String> after = f.dump();
    List<ConsentService.Outcome> refusedAlone =
        service.acceptAll(List.of(batch.get(1), batch.get(3)));
    assertThat(refusedAlone)
        .extracting(o -> o.refusal().error())
        .containsExactly(ConsentError.INVALID_SIGNATURE, ConsentError.SIGNER_NOT_AUTHORIZED);
    assertThat(f.dump()).as("refusals change nothing").isEqualTo(after).isNotEqualTo(before);
  }

  @Test
  void aSignerWhoIsNotTheOwnerIsRefused() {
    refused(() -> grant(f.grant(alice), mallory), ConsentError.SIGNER_NOT_AUTHORIZED);
    f.inBlock().changeOwner(alice.getAddress(), mallory.getAddress());
    refused(() -> grant(f.grant(alice), alice), ConsentError.SIGNER_NOT_AUTHORIZED);
    assertThat(grant(f.grant(alice), mallory).created()).as("the new owner signs").isTrue();
  }

  @Test
  void delegatesSignWhileValidNotAfterRevocationOrExpiry() {
    f.inBlock().delegate(alice.getAddress(), "veriKey", delegate.getAddress(), NOW + 60);
    assertThat(grant(f.grant(alice), delegate).created()).isTrue();
    f.clock.set(NOW + 61);
    refused(
        () -> grant(f.grant(alice, NOW + 86_400), delegate), ConsentError.SIGNER_NOT_AUTHORIZED);
    f.clock.set(NOW);
    f.inBlock().delegate(alice.getAddress(), "veriKey", delegate.getAddress(), NOW - 1);
    refused(() -> grant(f.grant(alice), delegate), ConsentError.SIGNER_NOT_AUTHORIZED);
  }

  @Test
  void aGrantAcceptedFromADelegateIsStillItsAcceptanceAfterTheDelegationEnds() {
    f.inBlock().delegate(alice.getAddress(), "veriKey", delegate.getAddress(), NOW + 60);
    Grant g = f.grant(alice);
    String sig = f.sign(g, delegate);
    String id = service.accept(g, sig).consentId();
    f.inBlock().delegate(alice.getAddress(), "veriKey", delegate.getAddress(), NOW - 1);
    List<String> before = f.dump();

    ConsentService.Accepted again = service.accept(g, sig);
    assertThat(again.consentId()).isEqualTo(id);
    assertThat(again.created()).isFalse();
    assertThat(f.dump()).isEqualTo(before);
    Grant other =
        ConsentFixture.reshaped(g, List.of("dpv:Marketing"), g.validFrom(), g.validUntil());
    refused(() -> grant(other, delegate), ConsentError.NONCE_REUSED);
    refused(() -> grant(f.grant(alice), delegate), ConsentError.SIGNER_NOT_AUTHORIZED);
  }

  @Test
  void validityMustEndInTheFutureAndAfterItsStart() {
    refused(() -> grant(f.grant(alice, NOW - 1), alice), ConsentError.INVALID_VALIDITY);
    Grant g = f.grant(alice);
    Grant backwards = ConsentFixture.reshaped(g, g.purposes(), NOW + 500, NOW + 400);
    refused(() -> grant(backwards, alice), ConsentError.INVALID_VALIDITY);
    assertThat(grant(f.grant(alice, 0), alice).created()).as("0 = no end").isTrue();
  }

  @Test
  void aDatasetTheDirectoryDoesNotKnowIsNotFound() {
    try (ConsentService strict = withDirectory(d -> DatasetDirectory.Standing.UNKNOWN)) {
      Grant g = f.grant(alice);
      refused(() -> strict.accept(g, f.sign(g, alice)), ConsentError.DATASET_NOT_FOUND);
    }
  }

  @Test
  void aDeprecatedDatasetTakesNoNewConsents() {
    try (ConsentService strict = withDirectory(d -> DatasetDirectory.Standing.DEPRECATED)) {
      Grant g = f.grant(alice);
      refused(() -> strict.accept(g, f.sign(g, alice)), ConsentError.DATASET_DEPRECATED);
    }
  }

  private ConsentService withDirectory(DatasetDirectory directory) {
    return new ConsentService(
        f.store,
        f.signatures,
        new SignerAuthority(new io.assent.node.identity.IdentityIndex(f.store)),
        directory,
        f.clock,
        f.writers);
  }

  @Test
  void theSubjectWithdrawsOnceAndCheckRespectsTheWithdrawalTime() {
    String id = grant(f.grant(alice), alice).consentId();
    assertThat(
            service
                .check(alice.getAddress(), ConsentFixture.DATASET, "ai:ModelTraining", NOW)
                .reason())
        .isEqualTo("pending");
    f.clock.set(NOW + 100);
    SubjectAction w = f.action(Kind.WITHDRAWAL, id, alice);
    assertThat(service.withdraw(id, w, f.sign(w, alice)).status()).isEqualTo("withdrawalPending");
    assertThat(service.status(id).status()).isEqualTo("withdrawalPending");
    assertThat(f.store.get(Segment.CONSENT_QUEUE, queued('W', 0))).isPresent();
    CheckResult after =
        service.check(alice.getAddress(), ConsentFixture.DATASET, "ai:ModelTraining", NOW + 100);
    assertThat(after.permitted()).isFalse();
    assertThat(after.reason()).isEqualTo("withdrawn");
    CheckResult before =
        service.check(alice.getAddress(), ConsentFixture.DATASET, "ai:ModelTraining", NOW + 99);
    assertThat(before.permitted()).as("Art. 7(3): earlier processing stays lawful").isTrue();
    SubjectAction again = f.action(Kind.WITHDRAWAL, id, alice);
    assertThat(service.withdraw(id, again, f.sign(again, alice)).created()).isFalse();
  }

  @Test
  void someoneElseCannotWithdrawOrErase() {
    String id = grant(f.grant(alice), alice).consentId();
    SubjectAction forged = f.action(Kind.WITHDRAWAL, id, alice);
    refused(() -> service.withdraw(id, forged, f.sign(forged, mallory)), ConsentError.NOT_SUBJECT);
    SubjectAction own = f.action(Kind.ERASURE, id, mallory);
    refused(() -> service.erase(id, own, f.sign(own, mallory)), ConsentError.NOT_SUBJECT);
    SubjectAction stale =
        new SubjectAction(Kind.WITHDRAWAL, id, alice.getAddress(), NOW - 3600, f.nonce());
    refused(() -> service.withdraw(id, stale, f.sign(stale, alice)), ConsentError.INVALID_VALIDITY);
    String unknown = "0x" + "11".repeat(32);
    SubjectAction none = f.action(Kind.WITHDRAWAL, unknown, alice);
    refused(
        () -> service.withdraw(unknown, none, f.sign(none, alice)), ConsentError.CONSENT_NOT_FOUND);
  }

  @Test
  void expiryShowsInStatusAndCheck() {
    String id = grant(f.grant(alice, NOW + 50), alice).consentId();
    f.clock.set(NOW + 50);
    assertThat(service.status(id).status()).isEqualTo("expired");
    assertThat(
            service
                .check(alice.getAddress(), ConsentFixture.DATASET, "ai:ModelTraining", NOW + 50)
                .reason())
        .isEqualTo("expired");
    assertThat(
            service
                .check(alice.getAddress(), ConsentFixture.DATASET, "dpv:Marketing", NOW)
                .reason())
        .isEqualTo("noConsent");
  }

  @Test
  void erasureShredsTheRecordAndItsIndexesAndBlocksReplay() {
    Grant g = f.grant(alice);
    String sig = f.sign(g, alice);
    String id = service.accept(g, sig).consentId();
    SubjectAction e = f.action(Kind.ERASURE, id, alice);
    assertThat(service.erase(id, e, f.sign(e, alice)).status()).isEqualTo("erased");
    assertThat(service.status(id).status()).isEqualTo("erased");
    assertThat(service.record(id)).isEmpty();
    assertThat(service.listForSubject(alice.getAddress())).isEmpty();
    String subjectHex = alice.getAddress().substring(2);
    assertThat(f.dump())
        .as("no subject address survives")
        .noneMatch(line -> line.contains(subjectHex));
    refused(() -> service.accept(g, sig), ConsentError.NONCE_REUSED);
    SubjectAction again = f.action(Kind.ERASURE, id, alice);
    refused(() -> service.erase(id, again, f.sign(again, alice)), ConsentError.ALREADY_ERASED);
  }
}

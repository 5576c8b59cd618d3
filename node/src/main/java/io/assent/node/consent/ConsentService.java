package io.assent.node.consent;

import io.assent.node.anchor.AnchorProofs;
import io.assent.node.anchor.AnchorQueueKeys;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Accepts, withdraws and erases consents. Each request is checked completely before anything is
 * written (a refusal changes nothing) and then lands in ONE durable transaction: record, key,
 * state, indexes and the queue entry the anchorer reads. A grant's own checks and its signer
 * ({@link GrantIntake}), the record and its sealing run on the callers' threads, in parallel; the
 * check-then-write of nonces and queue counters runs on the {@link GroupCommitter}'s thread, one
 * request after another, and concurrent requests share one synced commit. A request is answered
 * only after its commit.
 */
public final class ConsentService implements AutoCloseable {
  /** How far a withdrawal's or erasure's signed time may be from the node's clock. */
  static final long MAX_CLOCK_SKEW_SECONDS = 600;

  private final KeyValueStore store;
  private final ConsentSignatures signatures;
  private final SignerAuthority authority;
  private final Clock clock;
  private final GrantIntake intake;
  private final RecordVault vault = new RecordVault();
  private final ConsentReads reads;
  private final GroupCommitter committer;
  private final TallyBatch tallies = new TallyBatch();
  private final AnchorQueueKeys.LeafAppender leaves = new AnchorQueueKeys.LeafAppender();
  private final ErasureCompactions erasures;

  /**
   * @param writers the same instance as the store's {@link AnchoringTally}: both keep the
   *     per-dataset summary
   */
  public ConsentService(
      KeyValueStore store,
      ConsentSignatures signatures,
      SignerAuthority authority,
      DatasetDirectory datasets,
      Clock clock,
      SummaryWriters writers) {
    this.store = store;
    this.signatures = signatures;
    this.authority = authority;
    this.intake = new GrantIntake(signatures, datasets);
    this.clock = clock;
    this.reads = new ConsentReads(store, vault, clock);
    this.erasures = new ErasureCompactions(store);
    this.committer =
        new GroupCommitter(store, GroupCommitter.MAX_LINGER, this::finishGroup, writers);
  }

  /** What a commit group writes once, before it commits: its tallies and its leaf counter. */
  private void finishGroup(Transaction tx) {
    leaves.finish(tx);
    tallies.writeTo(tx);
  }

  /** Stops the commit thread; requests after this fail. */
  @Override
  public void close() {
    committer.close();
  }

  /** The outcome of an accepted request; {@code created} false for an idempotent repeat. */
  public record Accepted(String consentId, String status, boolean created) {}

  /**
   * The compactions this service's erasures owe; the node serves them with an {@link
   * ErasureCompactor}.
   */
  public ErasureCompactions erasureCompactions() {
    return erasures;
  }

  public SigningDomain domain() {
    return signatures.domain();
  }

  public Accepted accept(Grant grant, String signature) {
    return accept(new SignedGrant(grant, signature));
  }

  public Accepted accept(SignedGrant signed) {
    // Announced before the slow checks, so the commit thread waits for this grant to share a sync.
    committer.expect();
    boolean announced = true;
    try {
      long now = clock.instant().getEpochSecond();
      Prepared prepared = prepare(intake.identify(signed, now), now);
      if (prepared.repeat() != null) {
        return prepared.repeat();
      }
      announced = false; // runExpected takes the announcement over
      return committer.runExpected(GroupCommitter.Scope.OWN, prepared.write());
    } finally {
      if (announced) {
        committer.unexpect();
      }
    }
  }

  /**
   * A grant and its signature, as submitted.
   *
   * @param signerKey the signer's public key the request names (SEC 1, 0x-hex), or null: with it
   *     the signature is verified against the key, in batches ({@link GrantSigners}), instead of
   *     the key being recovered
   */
  public record SignedGrant(Grant grant, String signature, String signerKey) {
    public SignedGrant(Grant grant, String signature) {
      this(grant, signature, null);
    }
  }

  /** One grant's outcome in {@link #acceptAll}: accepted (perhaps a repeat), or refused. */
  public record Outcome(Accepted accepted, ConsentException refusal) {
    static Outcome of(Accepted accepted) {
      return new Outcome(accepted, null);
    }

    static Outcome refused(ConsentException refusal) {
      return new Outcome(null, refusal);
    }
  }

  /**
   * Accepts independent grants as {@link #accept} does each, sharing synced commits: every grant is
   * checked on this thread, then the checked ones go to the commit thread together; returns once
   * each accepted one is durable. A refused grant changes nothing and stops no other; the same
   * signed grant twice is accepted once and repeated once. Outcomes are in the order of {@code
   * grants}. A failure of the store itself is thrown, after every unit has finished: grants of
   * groups that committed stay accepted, so the caller may resubmit the whole list.
   */
  public List<Outcome> acceptAll(List<SignedGrant> grants) {
    Outcome[] outcomes = new Outcome[grants.size()];
    long now = clock.instant().getEpochSecond();
    List<Integer> written = new ArrayList<>();
    List<Function<Transaction, Accepted>> writes = new ArrayList<>();
    List<GrantIntake.Identified> identified =
        intake.identifyAll(grants, now, (i, refusal) -> outcomes[i] = Outcome.refused(refusal));
    for (GrantIntake.Identified grant : identified) {
      try {
        Prepared prepared = prepare(grant, now);
        if (prepared.repeat() != null) {
          outcomes[grant.index()] = Outcome.of(prepared.repeat());
        } else {
          written.add(grant.index());
          writes.add(prepared.write());
        }
      } catch (ConsentException e) {
        outcomes[grant.index()] = Outcome.refused(e);
      }
    }
    List<CompletableFuture<Accepted>> results =
        committer.submitAll(GroupCommitter.Scope.OWN, writes);
    RuntimeException failure = null;
    for (int k = 0; k < results.size(); k++) {
      try {
        outcomes[written.get(k)] = Outcome.of(results.get(k).join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof ConsentException refusal) {
          outcomes[written.get(k)] = Outcome.refused(refusal);
        } else if (failure == null) {
          failure = e.getCause() instanceof RuntimeException cause ? cause : e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return List.of(outcomes);
  }

  /** A checked grant: the earlier acceptance of the same grant, or the write that accepts it. */
  private record Prepared(Accepted repeat, Function<Transaction, Accepted> write) {}

  /** The rest of a grant's checks, once its own ({@link GrantIntake}) passed. */
  private Prepared prepare(GrantIntake.Identified identified, long now) {
    Grant grant = identified.signed().grant();
    String signature = identified.signed().signature();
    byte[] digest = identified.digest();
    String signer = identified.signer().addressOrThrow();
    byte[] signatureDigest = Hash.sha3(Numeric.hexStringToByteArray(signature));
    byte[] nonceKey = ConsentKeys.usedNonce(grant.subject(), grant.nonce());
    // The nonce is looked up here only for a grant about to be refused: a grant accepted before
    // gets its acceptance again (or a replay its nonceReused), even if its signer has lost the
    // right to sign since. Any other grant is checked for a repeat on the commit thread, which
    // must look anyway (it may have raced); a read here too cost ~3 µs per grant (`perf`).
    SignerAuthority.Role role = authority.role(grant.subject(), signer, now);
    if (!role.mayGrant()) {
      Optional<Accepted> repeat = repeatedGrant(store, nonceKey, digest, signatureDigest);
      if (repeat.isPresent()) {
        return new Prepared(repeat.get(), null);
      }
      throw refuse(
          ConsentError.SIGNER_NOT_AUTHORIZED,
          role == SignerAuthority.Role.DEACTIVATED
              ? "the subject's identity is deactivated"
              : "signer " + signer + " is neither the subject's owner nor a valid delegate");
    }
    byte[] record =
        ConsentRecord.canonical(
            grant, signatures.domain(), signature, signer, role.recordName(), clock.instant());
    ConsentLeaf leaf = ConsentLeaf.withRandomSalt(record);
    ConsentState state = pending(grant, now);
    // Everything that needs no look at the store is done here, in parallel on the callers'
    // threads; the commit thread only checks and writes (see write).
    byte[] id = leaf.leaf();
    Checked checked =
        new Checked(
            nonceKey,
            digest,
            signatureDigest,
            leaf.consentId(),
            vault.seal(id, leaf.preimage()),
            state.encode(),
            ConsentKeys.bySubject(grant.subject(), id),
            ConsentKeys.byDataset(grant.dataset(), id),
            DatasetTally.Acceptance.of(state));
    return new Prepared(null, tx -> write(tx, id, checked));
  }

  /** A grant checked and sealed off the commit thread: what {@link #write} stores. */
  private record Checked(
      byte[] nonceKey,
      byte[] digest,
      byte[] signatureDigest,
      String consentId,
      RecordVault.Sealed sealed,
      byte[] stateBytes,
      byte[] bySubjectKey,
      byte[] byDatasetKey,
      DatasetTally.Acceptance acceptance) {}

  /** On the commit thread: the last checks against the store, then the grant's writes. */
  private Accepted write(Transaction tx, byte[] id, Checked c) {
    // The same grant, accepted while this one was being checked: perhaps in this very group, so
    // not committed yet (then it is pending). Or its nonce, used meanwhile by something else.
    Optional<Accepted> raced = repeatedGrant(tx, c.nonceKey(), c.digest(), c.signatureDigest());
    if (raced.isPresent()) {
      return raced.get();
    }
    long slot = leaves.append(tx, id);
    vault.store(tx, id, slot, c.sealed());
    tx.put(Segment.CONSENT_STATE, id, ConsentState.withSlot(c.stateBytes(), slot));
    tx.put(Segment.CONSENT_INDEX, c.bySubjectKey(), new byte[0]);
    tx.put(Segment.CONSENT_INDEX, c.byDatasetKey(), new byte[0]);
    tx.put(
        Segment.CONSENT_INDEX,
        c.nonceKey(),
        ConsentKeys.grantUse(id, c.digest(), c.signatureDigest()));
    DatasetTally.accepted(tallies, c.acceptance());
    return new Accepted(c.consentId(), ConsentState.PENDING, true);
  }

  private static ConsentState pending(Grant grant, long now) {
    return new ConsentState(
        ConsentState.PENDING,
        grant.subject(),
        grant.dataset(),
        grant.purposes(),
        grant.validFrom(),
        grant.validUntil(),
        now,
        grant.nonce(),
        null,
        0);
  }

  /**
   * The earlier acceptance of this exact signed grant, or empty if its nonce is unused. Anything
   * else that used the nonce (another grant, a withdrawal, an erased consent, this grant with
   * another signature) makes it a replay.
   */
  private Optional<Accepted> repeatedGrant(
      KeyValueReader reader, byte[] nonceKey, byte[] digest, byte[] signatureDigest) {
    Optional<byte[]> known = reader.get(Segment.CONSENT_INDEX, nonceKey);
    if (known.isEmpty()) {
      return Optional.empty();
    }
    byte[] value = known.get();
    if (value.length != 96 || !Arrays.equals(value, 32, 64, digest, 0, 32)) {
      throw refuse(ConsentError.NONCE_REUSED, "the subject already used this grant's nonce");
    }
    if (!Arrays.equals(value, 64, 96, signatureDigest, 0, 32)) {
      throw refuse(ConsentError.NONCE_REUSED, "this grant was accepted with another signature");
    }
    String id = Numeric.toHexString(Arrays.copyOfRange(value, 0, 32));
    String status = reads.state(id).isPresent() ? reads.status(id).status() : ConsentState.PENDING;
    return Optional.of(new Accepted(id, status, false));
  }

  public Accepted withdraw(String consentId, SubjectAction withdrawal, String signature) {
    return act(consentId, withdrawal, signature, SubjectAction.Kind.WITHDRAWAL);
  }

  /**
   * Erases a consent: its record, key, proof and private indexes are deleted when this returns, and
   * {@link ErasureCompactions} owes it the compaction that removes their older versions from the
   * store's files.
   */
  public Accepted erase(String consentId, SubjectAction erasure, String signature) {
    return act(consentId, erasure, signature, SubjectAction.Kind.ERASURE);
  }

  private Accepted act(
      String consentId, SubjectAction action, String signature, SubjectAction.Kind kind) {
    if (action.kind() != kind || !consentId.equals(action.consentId())) {
      throw refuse(ConsentError.INVALID_REQUEST, "the signed consentId differs from the path's");
    }
    long now = clock.instant().getEpochSecond();
    ConsentState state = existing(consentId);
    if (!state.subject().equals(action.subject())) {
      throw refuse(ConsentError.NOT_SUBJECT, "the signed subject is not this consent's subject");
    }
    if (Math.abs(action.time() - now) > MAX_CLOCK_SKEW_SECONDS) {
      throw refuse(ConsentError.INVALID_VALIDITY, "time must be within 10 minutes of now");
    }
    byte[] digest = signatures.digest(action);
    String signer = SignatureRecovery.recover(digest, signature);
    if (!authority.role(state.subject(), signer, now).mayGrant()) {
      throw refuse(ConsentError.NOT_SUBJECT, "signer " + signer + " does not act for the subject");
    }
    String sigDigest = Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(signature)));
    return committer.run(
        GroupCommitter.Scope.ANCHORED,
        tx -> {
          ConsentState current = existing(consentId);
          byte[] id = ConsentKeys.hex(consentId);
          if (kind == SubjectAction.Kind.WITHDRAWAL) {
            if (current.withdrawal() != null) {
              return new Accepted(consentId, "withdrawalPending", false);
            }
            requireFreshNonce(tx, action.subject(), action.nonce());
            tx.put(
                Segment.CONSENT_INDEX, ConsentKeys.usedNonce(action.subject(), action.nonce()), id);
            ConsentState.Withdrawal w =
                new ConsentState.Withdrawal(action.time(), action.nonce(), sigDigest);
            tx.put(Segment.CONSENT_STATE, id, current.withWithdrawal(w).encode());
            DatasetTally.withdrawn(tx, tallies, id, current, action.time());
            AnchorQueueKeys.enqueueWithdrawal(tx, id);
            return new Accepted(consentId, "withdrawalPending", true);
          }
          requireFreshNonce(tx, action.subject(), action.nonce());
          PrivateKeysWritten written = new PrivateKeysWritten(tx);
          eraseInto(written, id, current, action.nonce(), now);
          erasures.owe(tx, clock.millis(), written.keys());
          return new Accepted(consentId, ConsentState.ERASED, true);
        });
  }

  /**
   * Deletes the record, its key, its anchor proof and every private index, leaving {@code {status:
   * erased}}. The consent's nonces stay used, with nothing in their entries, so the signed grant
   * cannot be replayed into a new consent. A consent not yet withdrawn is queued as withdrawn, so
   * that every node learns from the chain that it no longer holds. {@code tx} notes the private
   * keys this writes, which the caller owes a compaction ({@link ErasureCompactions}).
   */
  private void eraseInto(
      PrivateKeysWritten tx, byte[] id, ConsentState state, String erasureNonce, long now) {
    vault.erase(tx, id, state.slot());
    String subject = state.subject();
    tx.delete(Segment.CONSENT_INDEX, ConsentKeys.bySubject(subject, id));
    tx.delete(Segment.CONSENT_INDEX, ConsentKeys.byDataset(state.dataset(), id));
    List<String> nonces =
        state.withdrawal() == null
            ? List.of(state.grantNonce(), erasureNonce)
            : List.of(state.grantNonce(), state.withdrawal().nonce(), erasureNonce);
    for (String nonce : nonces) {
      tx.put(Segment.CONSENT_INDEX, ConsentKeys.usedNonce(subject, nonce), new byte[0]);
    }
    byte[] groupEntry = DatasetTally.erased(tx, tallies, id, state); // reads the proof
    tx.written(Segment.CONSENT_INDEX, groupEntry); // by the commit group's tallies, not through tx
    AnchorProofs.forget(tx, id, state.proofPlace());
    tx.put(Segment.CONSENT_STATE, id, ConsentState.erasedAt(now).encode());
    if (state.withdrawal() == null) {
      AnchorQueueKeys.enqueueWithdrawal(tx, id);
    }
  }

  private ConsentState existing(String consentId) {
    ConsentState state =
        reads
            .state(consentId)
            .orElseThrow(
                () ->
                    refuse(
                        ConsentError.CONSENT_NOT_FOUND,
                        "no consent " + consentId + " on this node"));
    if (state.erased()) {
      throw refuse(ConsentError.ALREADY_ERASED, "consent " + consentId + " was erased");
    }
    return state;
  }

  private static void requireFreshNonce(KeyValueReader tx, String subject, String nonce) {
    if (tx.get(Segment.CONSENT_INDEX, ConsentKeys.usedNonce(subject, nonce)).isPresent()) {
      throw refuse(ConsentError.NONCE_REUSED, "the subject already used nonce " + nonce);
    }
  }

  private static ConsentException refuse(ConsentError error, String detail) {
    return new ConsentException(error, detail);
  }

  // Reads: see ConsentReads.

  public ConsentStatus status(String consentId) {
    return reads.status(consentId);
  }

  public CheckResult check(String subject, String dataset, String purpose, long at) {
    return reads.check(subject, dataset, purpose, at);
  }

  public List<ConsentSummary> listForSubject(String subject) {
    return reads.listForSubject(subject);
  }

  public Optional<StoredRecord> record(String consentId) {
    return reads.record(consentId);
  }

  /** The subject address of a consent this node holds (not erased). */
  public Optional<String> subjectOf(String consentId) {
    return reads.state(consentId).filter(s -> !s.erased()).map(ConsentState::subject);
  }

  /** The dataset of a consent this node holds (not erased). */
  public Optional<String> datasetOf(String consentId) {
    return reads.state(consentId).filter(s -> !s.erased()).map(ConsentState::dataset);
  }

  Instant now() {
    return clock.instant();
  }
}

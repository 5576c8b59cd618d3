package io.assent.node.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * A grant's own checks, before the store is consulted: its dataset takes consents and its validity
 * dates are acceptable; then its EIP-712 digest and who signed it ({@link GrantSigners}: the keyed
 * grants of one list are verified together). Runs on the callers' threads. The signer's refusal is
 * carried, not thrown, so that {@link ConsentService} reports it after the checks that came before
 * it, in the order a single grant always had.
 */
final class GrantIntake {
  private final ConsentSignatures signatures;
  private final DatasetDirectory datasets;

  /**
   * At most as many requests verify their signatures at once as there are cores, in arrival order.
   * Why: verifying is CPU-bound, so more at once finish none sooner; and with more, the OS shares
   * the cores among all of them, requests that arrived together finish verifying together, reach
   * the commit together, and the cores idle while they are committed and answered (the ingest
   * benchmark, 8 requests of 50 grants: the machine busy 1.79-1.81 of its 2 cores, against
   * 1.83-1.85 with this gate).
   */
  private final Semaphore verifying =
      new Semaphore(Runtime.getRuntime().availableProcessors(), true);

  GrantIntake(ConsentSignatures signatures, DatasetDirectory datasets) {
    this.signatures = signatures;
    this.datasets = datasets;
  }

  /** The {@code index}th grant of a list, its own checks passed, its digest and its signer. */
  record Identified(
      int index, ConsentService.SignedGrant signed, byte[] digest, GrantSigners.Signer signer) {}

  /** One grant; its own checks' refusal is thrown. */
  Identified identify(ConsentService.SignedGrant signed, long now) {
    byte[] digest = checkedDigest(signed.grant(), now);
    return new Identified(0, signed, digest, signers(List.of(toIdentify(signed, digest)))[0]);
  }

  /**
   * The grants that pass their own checks, with their signers, identified together; each other
   * grant's refusal goes to {@code refused} with its index.
   */
  List<Identified> identifyAll(
      List<ConsentService.SignedGrant> grants,
      long now,
      BiConsumer<Integer, ConsentException> refused) {
    List<Integer> indexes = new ArrayList<>();
    List<GrantSigners.Signed> toIdentify = new ArrayList<>();
    for (int i = 0; i < grants.size(); i++) {
      try {
        byte[] digest = checkedDigest(grants.get(i).grant(), now);
        indexes.add(i);
        toIdentify.add(toIdentify(grants.get(i), digest));
      } catch (ConsentException e) {
        refused.accept(i, e);
      }
    }
    GrantSigners.Signer[] signers = signers(toIdentify);
    List<Identified> identified = new ArrayList<>(indexes.size());
    for (int k = 0; k < indexes.size(); k++) {
      int i = indexes.get(k);
      identified.add(new Identified(i, grants.get(i), toIdentify.get(k).digest(), signers[k]));
    }
    return identified;
  }

  private GrantSigners.Signer[] signers(List<GrantSigners.Signed> toIdentify) {
    verifying.acquireUninterruptibly();
    try {
      return GrantSigners.identify(toIdentify);
    } finally {
      verifying.release();
    }
  }

  private static GrantSigners.Signed toIdentify(ConsentService.SignedGrant signed, byte[] digest) {
    return new GrantSigners.Signed(digest, signed.signature(), signed.signerKey());
  }

  /** The grant's EIP-712 digest, once its dataset and validity are acceptable. */
  private byte[] checkedDigest(Grant grant, long now) {
    switch (datasets.standing(grant.dataset())) {
      case UNKNOWN ->
          throw refuse(
              ConsentError.DATASET_NOT_FOUND, "dataset " + grant.dataset() + " is not registered");
      case DEPRECATED ->
          throw refuse(
              ConsentError.DATASET_DEPRECATED,
              "dataset " + grant.dataset() + " is deprecated: it takes no new consents");
      case OPEN -> {}
    }
    if (grant.validUntil() != 0
        && (grant.validUntil() <= now || grant.validUntil() <= grant.validFrom())) {
      throw refuse(
          ConsentError.INVALID_VALIDITY, "validUntil must be in the future and after validFrom");
    }
    return signatures.digest(grant);
  }

  private static ConsentException refuse(ConsentError error, String detail) {
    return new ConsentException(error, detail);
  }
}

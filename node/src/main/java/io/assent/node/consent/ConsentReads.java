package io.assent.node.consent;

import io.assent.node.anchor.AnchorProofs;
import io.assent.node.anchor.AnchoredWithdrawal;
import io.assent.node.anchor.LeafAnchor;
import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.web3j.utils.Numeric;

/** The read side of the consent service: status, check, listings, records. */
final class ConsentReads {
  private final KeyValueStore store;
  private final RecordVault vault;
  private final Clock clock;

  ConsentReads(KeyValueStore store, RecordVault vault, Clock clock) {
    this.store = store;
    this.vault = vault;
    this.clock = clock;
  }

  Optional<ConsentState> state(String consentId) {
    return store.get(Segment.CONSENT_STATE, ConsentKeys.hex(consentId)).map(ConsentState::decode);
  }

  /**
   * A node answers for what it knows: consents it accepted, and ids withdrawn on chain (learned
   * from the logs by every node); any other id is {@link ConsentError#CONSENT_NOT_FOUND}.
   */
  ConsentStatus status(String consentId) {
    return status(consentId, state(consentId));
  }

  /** {@link #status(String)} from the consent's state, already read. */
  private ConsentStatus status(String consentId, Optional<ConsentState> state) {
    byte[] id = ConsentKeys.hex(consentId);
    Optional<AnchoredWithdrawal> onChain = AnchorProofs.withdrawal(store, id);
    Optional<LeafAnchor> anchor =
        state.flatMap(held -> AnchorProofs.leafAnchor(store, id, held.proofPlace()));
    if (state.isEmpty()) {
      if (onChain.isPresent()) {
        return new ConsentStatus(
            consentId, "withdrawn", Optional.empty(), Optional.empty(), onChain);
      }
      throw new ConsentException(
          ConsentError.CONSENT_NOT_FOUND, "no consent " + consentId + " known here");
    }
    ConsentState s = state.get();
    Optional<Long> withdrawalTime =
        Optional.ofNullable(s.withdrawal()).map(ConsentState.Withdrawal::time);
    String status;
    if (s.erased()) {
      status = "erased";
    } else if (onChain.isPresent()) {
      status = "withdrawn";
    } else if (s.withdrawal() != null) {
      status = "withdrawalPending";
    } else if (s.validUntil() != 0 && clock.instant().getEpochSecond() >= s.validUntil()) {
      status = "expired";
    } else {
      status = anchor.isPresent() ? "anchored" : "pending";
    }
    return new ConsentStatus(consentId, status, anchor, withdrawalTime, onChain);
  }

  List<ConsentSummary> listForSubject(String subject) {
    List<ConsentSummary> out = new ArrayList<>();
    for (String id : idsOf(subject)) {
      ConsentState s = state(id).orElseThrow();
      out.add(
          new ConsentSummary(
              id,
              status(id).status(),
              s.dataset(),
              s.purposes(),
              s.validFrom(),
              s.validUntil(),
              s.acceptedAt()));
    }
    return out;
  }

  private List<String> idsOf(String subject) {
    try (Stream<KeyValue> entries =
        store.stream(Segment.CONSENT_INDEX, ConsentKeys.subjectPrefix(subject))) {
      return entries.map(kv -> Numeric.toHexString(Arrays.copyOfRange(kv.key(), 21, 53))).toList();
    }
  }

  Optional<StoredRecord> record(String consentId) {
    Optional<ConsentState> state = state(consentId);
    return state
        .flatMap(held -> vault.read(store, ConsentKeys.hex(consentId), held.slot()))
        .map(ConsentLeaf::fromPreimage)
        .map(
            leaf ->
                new StoredRecord(
                    consentId,
                    Numeric.toHexString(leaf.salt()),
                    ConsentRecord.parse(leaf.canonical()),
                    status(consentId, state)));
  }

  CheckResult check(String subject, String dataset, String purpose, long at) {
    List<String> granted = new ArrayList<>();
    List<String> withdrawn = new ArrayList<>();
    List<String> expired = new ArrayList<>();
    List<String> notYet = new ArrayList<>();
    Map<String, ConsentState> states = new HashMap<>();
    for (String id : idsOf(subject)) {
      ConsentState s = state(id).orElseThrow();
      states.put(id, s);
      if (!s.dataset().equals(dataset) || !s.purposes().contains(purpose)) {
        continue;
      }
      boolean withdrawnOnChain =
          store.get(Segment.ANCHOR_WITHDRAWN, ConsentKeys.hex(id)).isPresent();
      // Art. 7(3): processing before the withdrawal stays lawful; an on-chain withdrawal this node
      // has no time for counts from the beginning.
      if ((s.withdrawal() != null && s.withdrawal().time() <= at)
          || (withdrawnOnChain && s.withdrawal() == null)) {
        withdrawn.add(id);
      } else if (at < s.validFrom()) {
        notYet.add(id);
      } else if (s.validUntil() != 0 && at >= s.validUntil()) {
        expired.add(id);
      } else {
        granted.add(id);
      }
    }
    if (!granted.isEmpty()) {
      List<CheckResult.Evidence> evidence = evidence(granted, "anchor", states);
      boolean anchored = !evidence.isEmpty();
      return new CheckResult(true, anchored ? "granted" : "pending", anchored, granted, evidence);
    }
    if (!withdrawn.isEmpty()) {
      return new CheckResult(
          false, "withdrawn", false, withdrawn, evidence(withdrawn, "withdrawal", states));
    }
    if (!expired.isEmpty()) {
      return new CheckResult(false, "expired", false, expired, evidence(expired, "anchor", states));
    }
    if (!notYet.isEmpty()) {
      return new CheckResult(
          false, "notYetValid", false, notYet, evidence(notYet, "anchor", states));
    }
    return new CheckResult(false, "noConsent", false, List.of(), List.of());
  }

  static List<String> hexes(List<byte[]> hashes) {
    return hashes.stream().map(Numeric::toHexString).toList();
  }

  private List<CheckResult.Evidence> evidence(
      List<String> ids, String kind, Map<String, ConsentState> states) {
    List<CheckResult.Evidence> out = new ArrayList<>();
    for (String id : ids) {
      byte[] key = ConsentKeys.hex(id);
      if (kind.equals("withdrawal")) {
        AnchorProofs.withdrawal(store, key)
            .ifPresent(
                w ->
                    out.add(
                        new CheckResult.Evidence(
                            id, kind, w.root(), w.txHash(), w.blockNumber(), List.of())));
      }
      AnchorProofs.leafAnchor(store, key, states.get(id).proofPlace())
          .ifPresent(
              a ->
                  out.add(
                      new CheckResult.Evidence(
                          id, "anchor", a.root(), a.txHash(), a.blockNumber(), hexes(a.proof()))));
    }
    return out;
  }
}

package io.assent.node.identity;

import io.assent.contracts.did.DidEvent;
import io.assent.contracts.did.DidRegistryEvents;
import io.assent.node.chain.ChainLog;
import io.assent.node.chain.LogHandler;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Indexes the DID registry's events: each decoded event goes to {@code DID_EVENTS} under identity ‖
 * block ‖ log index (see {@link IdentityKeys}, {@link DidEventCodec}), and the identity's {@link
 * IdentityRecord} in {@code DID_IDENTITIES} is updated in the same transaction.
 *
 * <p>Deterministic, and idempotent per log: a log whose key is already stored changes nothing. Logs
 * of other contracts, unknown topics and malformed logs are ignored. Events whose bytes32 fields
 * are not UTF-8 are stored too (the index is a faithful copy of the chain); the resolver skips
 * them, as the reference resolver does.
 */
public final class IdentityIndexer implements LogHandler {

  private final String registry;

  /**
   * @param registry the DID registry contract address
   */
  public IdentityIndexer(String registry) {
    this.registry = IdentityKeys.address(IdentityKeys.identity(registry));
  }

  @Override
  public Set<String> addresses() {
    return Set.of(registry);
  }

  @Override
  public void apply(ChainLog log, Transaction tx) {
    if (!registry.equals(log.address().toLowerCase(Locale.ROOT))) {
      return;
    }
    Optional<DidEvent> decoded = DidRegistryEvents.decode(log.topics(), log.data());
    if (decoded.isEmpty()) {
      return;
    }
    DidEvent event = decoded.get();
    byte[] key = IdentityKeys.event(event.identity(), log.blockNumber(), log.logIndex());
    if (tx.get(Segment.DID_EVENTS, key).isPresent()) {
      return;
    }
    IndexedDidEvent indexed =
        new IndexedDidEvent(
            log.blockNumber(), log.logIndex(), log.blockTimestamp(), log.transactionHash(), event);
    tx.put(Segment.DID_EVENTS, key, DidEventCodec.encode(indexed));
    byte[] identityKey = IdentityKeys.identity(event.identity());
    IdentityRecord previous =
        tx.get(Segment.DID_IDENTITIES, identityKey)
            .map(IdentityRecord::decode)
            .orElse(new IdentityRecord(0, 0));
    IdentityRecord next =
        new IdentityRecord(
            Math.max(previous.lastChangedBlock(), log.blockNumber()), previous.eventCount() + 1);
    tx.put(Segment.DID_IDENTITIES, identityKey, next.encode());
  }
}

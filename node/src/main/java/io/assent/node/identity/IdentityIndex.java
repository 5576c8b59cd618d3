package io.assent.node.identity;

import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.Segment;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads what {@link IdentityIndexer} wrote. */
public final class IdentityIndex {

  private final KeyValueReader store;

  public IdentityIndex(KeyValueReader store) {
    this.store = store;
  }

  /** The identity's registry events in chain order (block, then log index). */
  public List<IndexedDidEvent> history(String identity) {
    try (Stream<KeyValue> entries =
        store.stream(Segment.DID_EVENTS, IdentityKeys.identity(identity))) {
      return entries.map(kv -> DidEventCodec.decode(kv.key(), kv.value())).toList();
    }
  }

  /** The identity's summary, empty if the registry never emitted an event for it. */
  public Optional<IdentityRecord> identity(String identity) {
    return store
        .get(Segment.DID_IDENTITIES, IdentityKeys.identity(identity))
        .map(IdentityRecord::decode);
  }
}

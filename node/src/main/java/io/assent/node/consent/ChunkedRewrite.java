package io.assent.node.consent;

import io.assent.node.store.KeyValue;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * A migration's pass over one kind of {@code CONSENT_INDEX} entry: up to {@code chunk} entries at a
 * time, each handed to {@code rewrite} (which writes what replaces it, if anything) and deleted, in
 * one transaction per chunk, until none is left. Running it again after a crash finishes the job:
 * what was rewritten is gone.
 */
final class ChunkedRewrite {
  private ChunkedRewrite() {}

  /**
   * Rewrites and deletes the entries under {@code prefix} whose keys are {@code keyLength} long.
   */
  static void replaceAll(
      KeyValueStore store,
      byte[] prefix,
      int keyLength,
      int chunk,
      BiConsumer<Transaction, KeyValue> rewrite) {
    List<KeyValue> entries;
    do {
      try (Stream<KeyValue> stream = store.stream(Segment.CONSENT_INDEX, prefix)) {
        entries = stream.filter(kv -> kv.key().length == keyLength).limit(chunk).toList();
      }
      try (Transaction tx = store.startTransaction()) {
        for (KeyValue kv : entries) {
          rewrite.accept(tx, kv);
          tx.delete(Segment.CONSENT_INDEX, kv.key());
        }
        tx.commit();
      }
    } while (entries.size() == chunk);
  }
}

package io.assent.node.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.assent.node.store.InMemoryKeyValueStore;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Transaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchQueueTest {
  private final KeyValueStore store = new InMemoryKeyValueStore();
  private final List<byte[]> queued = new ArrayList<>();

  private void enqueue(int n) {
    try (Transaction tx = store.startTransaction()) {
      for (int i = 0; i < n; i++) {
        byte[] leaf = new byte[32];
        leaf[0] = (byte) (queued.size() + 1);
        AnchorQueueKeys.enqueueLeaf(tx, leaf);
        queued.add(leaf);
      }
      tx.commit();
    }
  }

  @Test
  void takesInQueueOrderAndCountsWhatWaits() {
    BatchQueue queue = new BatchQueue(store);
    assertThat(queue.queuedLeaves()).isZero();
    assertThat(queue.close(10)).isEmpty();
    enqueue(5);
    assertThat(queue.queuedLeaves()).isEqualTo(5);
    assertThat(queue.close(2).orElseThrow().leaves()).containsExactly(queued.get(0), queued.get(1));
    assertThat(queue.queuedLeaves()).isEqualTo(3);
    enqueue(2);
    assertThat(queue.queuedLeaves()).isEqualTo(5);
    assertThat(queue.close(10).orElseThrow().leaves())
        .containsExactlyElementsOf(queued.subList(2, 7));
    assertThat(queue.queuedLeaves()).isZero();
    assertThat(queue.close(10)).isEmpty();
  }

  @Test
  void leavesAppendedByTransactionsAreContiguousAcrossOneThatFailed() {
    AnchorQueueKeys.LeafAppender appender = new AnchorQueueKeys.LeafAppender();
    enqueue(1); // and one queued the plain way before
    try (Transaction tx = store.startTransaction()) {
      for (int i = 0; i < 3; i++) {
        appender.append(tx, leaf());
      }
      appender.finish(tx);
      tx.commit();
    }
    try (Transaction failed = store.startTransaction()) {
      appender.append(failed, new byte[32]);
      appender.append(failed, new byte[32]); // the group fails before finishing: rolled back
    }
    try (Transaction tx = store.startTransaction()) {
      appender.append(tx, leaf());
      appender.finish(tx);
      tx.commit();
    }
    enqueue(1); // and the plain way after

    BatchQueue queue = new BatchQueue(store);
    assertThat(queue.queuedLeaves()).isEqualTo(6);
    assertThat(queue.close(10).orElseThrow().leaves()).containsExactlyElementsOf(queued);
  }

  private byte[] leaf() {
    byte[] leaf = new byte[32];
    leaf[0] = (byte) (queued.size() + 1);
    queued.add(leaf);
    return leaf;
  }

  /** The head a queue remembers goes stale when another instance drains (a restart, a test). */
  @Test
  void anotherInstanceDrainingIsNoticed() {
    enqueue(6);
    BatchQueue first = new BatchQueue(store);
    assertThat(first.queuedLeaves()).isEqualTo(6);
    assertThat(first.close(1).orElseThrow().leaves()).containsExactly(queued.get(0));
    BatchQueue second = new BatchQueue(store);
    assertThat(second.close(3).orElseThrow().leaves())
        .containsExactly(queued.get(1), queued.get(2), queued.get(3));
    assertThat(first.queuedLeaves()).isEqualTo(2);
    assertThat(first.close(10).orElseThrow().leaves())
        .containsExactly(queued.get(4), queued.get(5));
    assertThat(second.queuedLeaves()).isZero();
  }
}

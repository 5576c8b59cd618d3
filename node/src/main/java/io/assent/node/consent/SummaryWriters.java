package io.assent.node.consent;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the two writers of the per-dataset consent summary ({@link DatasetTallyKeys}): the
 * consent service's commit groups and the anchorer's transactions. Both read whether a consent is
 * still unanchored and change the anchored tally accordingly (the anchorer when it anchors or a
 * reorg un-anchors it, the commit thread when an anchored one is withdrawn or erased); run one
 * after the other, from their first read to their commit, each sees the other's committed changes
 * and none is counted twice or lost.
 *
 * <p>One instance per store, shared by the {@link ConsentService} and the {@link AnchoringTally} of
 * that store. The anchorer holds it once per batch (confirmation or reorg), for a single
 * transaction; a commit group that withdraws or erases holds it while it runs its units and
 * commits, not while it lingers. A group that only accepts new consents does not take it: it
 * touches no anchored tally and no proof ({@link GroupCommitter.Scope#OWN}).
 */
public final class SummaryWriters {
  private final ReentrantLock lock = new ReentrantLock();

  /** Runs {@code work}, which starts and ends (commits or discards) its transaction, alone. */
  public void run(Runnable work) {
    lock.lock();
    try {
      work.run();
    } finally {
      lock.unlock();
    }
  }
}

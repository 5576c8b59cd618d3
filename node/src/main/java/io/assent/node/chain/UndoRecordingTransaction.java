package io.assent.node.chain;

import io.assent.node.store.BorrowedTransaction;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The transaction log handlers write through: before the first write of each key in a block it
 * records the key's previous value in the undo log, so that a reorg can restore the state before
 * that block. Handlers may read and write their own segments; the follower's own segments are off
 * limits, and committing is the follower's job.
 */
final class UndoRecordingTransaction extends BorrowedTransaction {

  private static final Set<Segment> RESERVED =
      EnumSet.of(Segment.METADATA, Segment.CHAIN_CURSOR, Segment.CHAIN_BLOCKS, Segment.CHAIN_UNDO);

  private final UndoLog undoLog;
  private final Set<ByteBuffer> writtenInBlock = new HashSet<>();
  private long block = -1;
  private int sequence;

  UndoRecordingTransaction(Transaction delegate, UndoLog undoLog) {
    super(delegate, "the chain follower");
    this.undoLog = undoLog;
  }

  /** The block whose logs the following writes apply. Call before each new block. */
  void startBlock(long number) {
    block = number;
    sequence = 0;
    writtenInBlock.clear();
  }

  @Override
  protected void beforeWrite(Segment segment, byte[] key) {
    if (RESERVED.contains(segment)) {
      throw new IllegalArgumentException("log handlers may not write to segment " + segment);
    }
    if (block < 0) {
      throw new IllegalStateException("no block started");
    }
    ByteBuffer identity = ByteBuffer.allocate(1 + key.length).put(segment.id()).put(key).flip();
    if (writtenInBlock.add(identity)) {
      undoLog.record(delegate, block, sequence++, segment, key, delegate.get(segment, key));
    }
  }
}

package io.assent.node.anchor;

import io.assent.node.store.Binary;
import java.util.List;

/**
 * An anchorer batch, {@code CONSENT_QUEUE['B' ‖ seq]}: the leaves (in queue order) and withdrawn
 * ids moved out of the queue in one transaction, with their Merkle root. Its root never changes, so
 * a re-send anchors the very same batch.
 *
 * @param status SENDING: created, or a send was attempted ({@code attempts > 0}) whose transaction
 *     hash was not recorded (a crash mid-send); SENT: {@code txHash} is known; CONFIRMED: the chain
 *     index (at head - K) holds the root and each leaf's proof is stored
 * @param txHash the last sent transaction, 0x-hex, or null
 * @param sentAtBlock the chain head when the last send was attempted (-1 before any)
 * @param attempts how many sends were attempted
 */
public record Batch(
    long seq,
    List<byte[]> leaves,
    List<byte[]> withdrawn,
    byte[] root,
    Status status,
    String txHash,
    long sentAtBlock,
    int attempts) {

  public enum Status {
    SENDING,
    SENT,
    CONFIRMED
  }

  private static final int VERSION = 1;

  public Batch {
    leaves = List.copyOf(leaves);
    withdrawn = List.copyOf(withdrawn);
    root = root.clone();
  }

  /** A new batch, not yet sent. */
  static Batch created(long seq, List<byte[]> leaves, List<byte[]> withdrawn, byte[] root) {
    return new Batch(seq, leaves, withdrawn, root, Status.SENDING, null, -1, 0);
  }

  /** Before a send: attempted at {@code head}, hash not yet known. */
  Batch sending(long head) {
    return new Batch(seq, leaves, withdrawn, root, Status.SENDING, null, head, attempts + 1);
  }

  Batch sent(String hash) {
    return new Batch(seq, leaves, withdrawn, root, Status.SENT, hash, sentAtBlock, attempts);
  }

  Batch confirmed() {
    return new Batch(seq, leaves, withdrawn, root, Status.CONFIRMED, txHash, sentAtBlock, attempts);
  }

  /** Back to SENT after a reorg dropped the anchor; waits from {@code head} before re-sending. */
  Batch unconfirmed(long head) {
    return new Batch(seq, leaves, withdrawn, root, Status.SENT, txHash, head, attempts);
  }

  byte[] encode() {
    Binary.Writer out =
        new Binary.Writer(64 + 32 * (leaves.size() + withdrawn.size()))
            .u8(VERSION)
            .i64(seq)
            .u8(status.ordinal())
            .fixed(root, 32)
            .i64(sentAtBlock)
            .i32(attempts)
            .u8(txHash == null ? 0 : 1);
    if (txHash != null) {
      out.hash(txHash);
    }
    return out.list32(leaves).list32(withdrawn).bytes();
  }

  /** The status of an encoded batch, without decoding the rest. */
  static Status statusOf(byte[] bytes) {
    Binary.Reader in = new Binary.Reader(bytes);
    readVersion(in);
    in.i64(); // seq
    return readStatus(in);
  }

  static Batch decode(byte[] bytes) {
    Binary.Reader in = new Binary.Reader(bytes);
    readVersion(in);
    long seq = in.i64();
    Status status = readStatus(in);
    byte[] root = in.fixed(32);
    long sentAtBlock = in.i64();
    int attempts = in.i32();
    String txHash = in.u8() == 1 ? in.hash() : null;
    Batch batch =
        new Batch(seq, in.list32(), in.list32(), root, status, txHash, sentAtBlock, attempts);
    in.end();
    return batch;
  }

  private static void readVersion(Binary.Reader in) {
    if (in.u8() != VERSION) {
      throw new IllegalArgumentException("unknown Batch version");
    }
  }

  private static Status readStatus(Binary.Reader in) {
    int status = in.u8();
    if (status >= Status.values().length) {
      throw new IllegalArgumentException("bad batch status " + status);
    }
    return Status.values()[status];
  }
}

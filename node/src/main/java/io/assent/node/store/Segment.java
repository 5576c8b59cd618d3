package io.assent.node.store;

import static io.assent.node.store.Segment.Origin.CHAIN;
import static io.assent.node.store.Segment.Origin.NODE;

/**
 * The column families of the node's database. Each id is permanent: never renumber or reuse one. A
 * retired segment stays in this enum, commented "retained for DB backwards compatibility", so its
 * id is never taken again.
 */
public enum Segment {
  /** Schema version and other facts about the database itself. */
  METADATA(0, NODE),
  /** The chain follower's cursor: last applied block number, hash, and index digest. */
  CHAIN_CURSOR(1, CHAIN),
  /** Hashes of recently applied blocks, by number, to find the common ancestor of a reorg. */
  CHAIN_BLOCKS(2, CHAIN),
  /** Undo records of recently applied block ranges, to roll a reorg back. */
  CHAIN_UNDO(3, CHAIN),
  /** DID registry events, by identity, block and log index. */
  DID_EVENTS(10, CHAIN),
  /** Per identity: the block of its latest change, and event counters. */
  DID_IDENTITIES(11, CHAIN),
  /** Private plane: consent records, each encrypted with its own key (AES-GCM), by slot. */
  CONSENT_RECORDS(20, NODE),
  /** Private plane: the per-record keys; erasure deletes the key (crypto-shredding). */
  CONSENT_KEYS(21, NODE),
  /** Private plane: secondary indexes of consents (by subject, dataset, nonce, grant digest). */
  CONSENT_INDEX(22, NODE),
  /** Private plane: each consent's local state (pending, erased; the proofs of earlier nodes). */
  CONSENT_STATE(23, NODE),
  /**
   * Private plane: leaves and withdrawals waiting to be anchored, the anchorer's batches, and the
   * compactions erasures are owed ({@code 'E'} entries, see {@code ErasureCompactions}).
   */
  CONSENT_QUEUE(24, NODE),
  /**
   * Private plane: the anchor proofs of the consents this node accepted, by slot (each consent's
   * acceptance sequence, in its state; see {@code io.assent.node.anchor.ProofPlace}).
   */
  CONSENT_PROOFS(25, NODE),
  /** Public plane (chain-derived, undone on reorg): anchored batch roots. */
  ANCHOR_ROOTS(30, CHAIN),
  /** Public plane (chain-derived, undone on reorg): consent ids withdrawn on chain. */
  ANCHOR_WITHDRAWN(31, CHAIN),
  // Datasets (issue 4): public plane, written by the DatasetIndexer through the follower's
  // transaction (undone on reorg). Layouts in io.assent.node.dataset.DatasetKeys.
  /** Public plane: dataset records by id (current curator, license, deprecation). */
  DATASETS(40, CHAIN),
  /** Public plane: curator ‖ dataset id, for the current curator. */
  DATASET_BY_CURATOR(41, CHAIN),
  /** Public plane: lineage edges, 'P' ‖ child ‖ parent and 'C' ‖ parent ‖ child. */
  DATASET_LINEAGE(42, CHAIN),
  /** Public plane: each dataset's registry events, by id, block and log index. */
  DATASET_HISTORY(43, CHAIN),
  /** Public plane: license id ‖ 0x00 ‖ dataset id, for the ids of the current license. */
  DATASET_BY_LICENSE(44, CHAIN);

  /** Where a segment's content comes from. */
  public enum Origin {
    /**
     * The chain: what the follower derives from the followed contracts' logs, and its own
     * bookkeeping. A rebuild of the index clears these segments and syncs them again.
     */
    CHAIN,
    /** This node alone (its metadata, and the private plane): nothing could rebuild it. */
    NODE
  }

  private final byte id;
  private final Origin origin;

  Segment(int id, Origin origin) {
    this.id = (byte) id;
    this.origin = origin;
  }

  public Origin origin() {
    return origin;
  }

  /** The permanent one-byte id, also the RocksDB column family name suffix. */
  public byte id() {
    return id;
  }

  /** The segment with this permanent id; for decoding records that name a segment. */
  public static Segment fromId(byte id) {
    for (Segment segment : values()) {
      if (segment.id == id) {
        return segment;
      }
    }
    throw new IllegalArgumentException("unknown segment id " + (id & 0xff));
  }
}

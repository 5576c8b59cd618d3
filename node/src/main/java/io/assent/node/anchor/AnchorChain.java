package io.assent.node.anchor;

import java.util.List;

/**
 * What the anchorer needs from the chain: send {@code ConsentAnchor.anchor}, see a transaction's
 * fate, read the head. Implemented over JSON-RPC by {@link Web3jAnchorChain}; faked in unit tests.
 * Every method throws {@link AnchorChainException} when the endpoint cannot be reached or refuses.
 */
public interface AnchorChain {

  /** Sends {@code anchor(root, count, withdrawn)} paid by the node's relayer; the tx hash. */
  String submit(byte[] root, long count, List<byte[]> withdrawn);

  /** What the endpoint knows of a transaction. */
  TxState transaction(String txHash);

  /** The chain head's block number. */
  long blockNumber();

  enum TxState {
    /** Neither mined nor in the endpoint's pool (dropped, or never arrived). */
    UNKNOWN,
    /** Waiting in the pool. */
    PENDING,
    /** Mined and successful. */
    MINED,
    /** Mined and reverted. */
    REVERTED
  }
}

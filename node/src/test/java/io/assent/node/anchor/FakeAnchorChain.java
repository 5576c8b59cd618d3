package io.assent.node.anchor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AnchorChain} in memory: records submissions; head, tx states and outages set by tests.
 */
final class FakeAnchorChain implements AnchorChain {
  record Submission(byte[] root, long count, List<byte[]> withdrawn, String txHash) {}

  final List<Submission> submissions = new ArrayList<>();
  final Map<String, TxState> states = new HashMap<>();
  long head = 100;
  boolean down;

  @Override
  public synchronized String submit(byte[] root, long count, List<byte[]> withdrawn) {
    failIfDown();
    String hash = "0x%064x".formatted(submissions.size() + 1);
    submissions.add(new Submission(root.clone(), count, List.copyOf(withdrawn), hash));
    states.put(hash, TxState.PENDING);
    return hash;
  }

  @Override
  public synchronized TxState transaction(String txHash) {
    failIfDown();
    return states.getOrDefault(txHash, TxState.UNKNOWN);
  }

  @Override
  public synchronized long blockNumber() {
    failIfDown();
    return head;
  }

  synchronized Submission last() {
    return submissions.get(submissions.size() - 1);
  }

  private void failIfDown() {
    if (down) {
      throw new AnchorChainException("chain RPC unreachable: connection refused");
    }
  }
}

package io.assent.node.chain;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A chain in memory for unit tests of the follower: blocks with logs, reorgs, an endpoint that can
 * go down, and a hook that runs between eth_getLogs and the re-check (to reorg mid-fetch).
 */
final class FakeChain implements ChainSource {

  static final String REGISTRY = "0x00000000000000000000000000000000000000aa";
  static final String OTHER = "0x00000000000000000000000000000000000000bb";
  static final String TOPIC = Numeric.toHexString(new byte[32]);

  record Block(long number, String hash, long timestamp, List<RawLog> logs) {}

  private final List<Block> blocks = new ArrayList<>();
  private long forks;
  volatile boolean down;

  /** Blocks the endpoint pretends not to know (a lagging node behind a load balancer). */
  final Set<Long> hidden = java.util.concurrent.ConcurrentHashMap.newKeySet();

  Runnable afterLogs = () -> {};
  int logCalls;

  FakeChain() {
    mineEmpty(1); // genesis, block 0
  }

  synchronized long head() {
    return blocks.size() - 1;
  }

  synchronized String hashOf(long number) {
    return blocks.get((int) number).hash();
  }

  /** Appends a block with a log of {@link #REGISTRY} for each data item (hex). */
  synchronized Block mine(String... data) {
    long number = blocks.size();
    String parent = blocks.isEmpty() ? Numeric.toHexString(new byte[32]) : hashOf(number - 1);
    String hash =
        Numeric.toHexString(
            Hash.sha3(
                ByteBuffer.allocate(48)
                    .put(Numeric.hexStringToByteArray(parent))
                    .putLong(number)
                    .putLong(forks)
                    .array()));
    List<RawLog> logs = new ArrayList<>();
    for (int i = 0; i < data.length; i++) {
      String address = data[i].startsWith("other:") ? OTHER : REGISTRY;
      String payload = data[i].replace("other:", "");
      logs.add(
          new RawLog(number, hash, "0x" + "11".repeat(32), 0, i, address, List.of(TOPIC), payload));
    }
    Block block = new Block(number, hash, 1_700_000_000L + number * 12, logs);
    blocks.add(block);
    return block;
  }

  synchronized void mineEmpty(int count) {
    for (int i = 0; i < count; i++) {
      mine();
    }
  }

  /** Drops the last {@code depth} blocks; the next mined blocks have different hashes. */
  synchronized void dropBlocks(int depth) {
    forks++;
    for (int i = 0; i < depth; i++) {
      blocks.removeLast();
    }
  }

  @Override
  public synchronized long headNumber() throws IOException {
    checkUp();
    return head();
  }

  @Override
  public synchronized Map<Long, BlockHeader> headers(Collection<Long> numbers) throws IOException {
    checkUp();
    Map<Long, BlockHeader> out = new HashMap<>();
    for (long n : numbers) {
      if (n >= 0 && n < blocks.size() && !hidden.contains(n)) {
        Block b = blocks.get((int) n);
        out.put(n, new BlockHeader(n, b.hash(), b.timestamp()));
      }
    }
    return out;
  }

  @Override
  public List<RawLog> logs(long from, long to, Set<String> addresses) throws IOException {
    List<RawLog> out = new ArrayList<>();
    synchronized (this) {
      checkUp();
      logCalls++;
      for (long n = from; n <= Math.min(to, head()); n++) {
        for (RawLog log : blocks.get((int) n).logs()) {
          if (addresses.contains(log.address())) {
            out.add(log);
          }
        }
      }
    }
    afterLogs.run();
    return out;
  }

  private void checkUp() throws IOException {
    if (down) {
      throw new ConnectException("Connection refused");
    }
  }
}

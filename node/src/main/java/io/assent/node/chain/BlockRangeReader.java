package io.assent.node.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a block range consistently although the chain may reorg meanwhile: the end block's hash is
 * read before eth_getLogs, and after it the end block, the parent (the cursor) and every block with
 * logs are read again. Any difference means the chain moved during the fetch, and the range is
 * dropped ({@link ChainMovedException}) rather than applied from a mix of two chains.
 */
final class BlockRangeReader {

  private final ChainSource source;

  BlockRangeReader(ChainSource source) {
    this.source = source;
  }

  /**
   * The logs of {@code addresses} in blocks {@code parent + 1 .. end}, where {@code end} was read
   * (before this call) as the header of the range's last block.
   */
  BlockRange read(SyncCursor parent, BlockHeader end, Set<String> addresses)
      throws IOException, ChainMovedException {
    long from = parent.blockNumber() + 1;
    List<RawLog> raw = addresses.isEmpty() ? List.of() : source.logs(from, end.number(), addresses);
    Set<Long> recheck = new TreeSet<>();
    recheck.add(end.number());
    if (!parent.isInitial()) {
      recheck.add(parent.blockNumber());
    }
    raw.forEach(log -> recheck.add(log.blockNumber()));
    Map<Long, BlockHeader> after = source.headers(recheck);

    requireHash(after, end.number(), end.hash(), "the range end");
    if (!parent.isInitial()) {
      requireHash(after, parent.blockNumber(), parent.blockHash(), "the synced block");
    }
    List<ChainLog> logs = new ArrayList<>(raw.size());
    for (RawLog log : raw) {
      if (log.blockNumber() < from || log.blockNumber() > end.number()) {
        throw new ChainMovedException(
            "eth_getLogs returned a log of block " + log.blockNumber() + " outside the range");
      }
      BlockHeader header = requireHash(after, log.blockNumber(), log.blockHash(), "a log's block");
      logs.add(log.withTimestamp(header.timestamp()));
    }
    logs.sort(Comparator.comparingLong(ChainLog::blockNumber).thenComparingInt(ChainLog::logIndex));
    return new BlockRange(from, end.number(), end.hash(), List.copyOf(logs));
  }

  private static BlockHeader requireHash(
      Map<Long, BlockHeader> headers, long number, String expectedHash, String what)
      throws ChainMovedException {
    BlockHeader header = headers.get(number);
    if (header == null || !header.hash().equals(Hex.normalize(expectedHash))) {
      throw new ChainMovedException(
          what
              + " (block "
              + number
              + ") changed while the range was read: "
              + expectedHash
              + " -> "
              + (header == null ? "no such block" : header.hash()));
    }
    return header;
  }
}

package io.assent.node.chain;

import io.assent.node.store.IncompatibleDatabaseException;
import io.assent.node.store.KeyValueReader;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.Segment;
import io.assent.node.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the chain-derived index is built from: the block the follower starts at and the contracts it
 * follows, by role ({@code didRegistry}, {@code consentAnchor}, {@code datasetRegistry}). Two nodes
 * with the same scope on the same chain build the same index.
 *
 * <p>Why it is recorded: the follower reads each block's logs once. A contract configured after a
 * sync (a dataset registry added, an anchor contract replaced, an earlier start block) would
 * otherwise miss every log before the cursor, and the node would serve an index no fresh sync
 * gives, without a word. So a node refuses to start when its configuration names another scope than
 * its index was built from; {@link IndexRebuild} rebuilds the index for the new one.
 *
 * <p>Stored in segment METADATA, key {@code "index-scope"}, as UTF-8 lines {@code name=value}:
 * {@code startBlock} first, then the roles in name order, addresses lower-case.
 */
public record IndexScope(long startBlock, SortedMap<String, String> contracts) {

  static final byte[] KEY = "index-scope".getBytes(StandardCharsets.UTF_8);
  private static final String START_BLOCK = "startBlock";

  public IndexScope {
    contracts = Collections.unmodifiableSortedMap(new TreeMap<>(contracts));
  }

  /**
   * @param contracts address by role; a role without address (null) is not followed
   */
  public static IndexScope of(long startBlock, Map<String, String> contracts) {
    SortedMap<String, String> followed = new TreeMap<>();
    contracts.forEach(
        (role, address) -> {
          if (address != null) {
            followed.put(role, address.toLowerCase(Locale.ROOT));
          }
        });
    return new IndexScope(startBlock, followed);
  }

  /** The scope the database's index was built from; empty for a new database (or an older one). */
  public static Optional<IndexScope> stored(KeyValueReader reader) {
    return reader.get(Segment.METADATA, KEY).map(IndexScope::decode);
  }

  /**
   * Records this scope if the database has none: a new database, or one a node wrote before scopes
   * were recorded (then the configuration is taken to be the one it was built with). Throws {@link
   * IncompatibleDatabaseException}, changing nothing, if the index was built from another scope.
   */
  public void requireMatches(KeyValueStore store) {
    Optional<IndexScope> stored = stored(store);
    if (stored.isEmpty()) {
      try (Transaction tx = store.startTransaction()) {
        record(tx);
        tx.commit();
      }
      return;
    }
    if (!stored.get().equals(this)) {
      throw new IncompatibleDatabaseException(
          "the index was built from "
              + stored.get().describe()
              + ", but the configuration names "
              + describe()
              + ": run `assent-node reindex` with this configuration to rebuild the chain-derived"
              + " index (consents are kept), or restore the previous configuration");
    }
  }

  /** The contract this scope follows in {@code role}, if any. */
  public Optional<String> contract(String role) {
    return Optional.ofNullable(contracts.get(role));
  }

  void record(Transaction tx) {
    tx.put(Segment.METADATA, KEY, encode());
  }

  /** For messages: "block 5 and didRegistry 0x…, consentAnchor 0x…". */
  public String describe() {
    return "block "
        + startBlock
        + " and "
        + (contracts.isEmpty()
            ? "no contract"
            : contracts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
  }

  byte[] encode() {
    StringBuilder text = new StringBuilder(START_BLOCK).append('=').append(startBlock).append('\n');
    contracts.forEach(
        (role, address) -> text.append(role).append('=').append(address).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static IndexScope decode(byte[] bytes) {
    long start = -1;
    SortedMap<String, String> contracts = new TreeMap<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IncompatibleDatabaseException("the database's index scope record is corrupt");
      }
      String name = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (name.equals(START_BLOCK)) {
        start = parseBlock(value);
      } else {
        contracts.put(name, value);
      }
    }
    if (start < 0) {
      throw new IncompatibleDatabaseException("the database's index scope record is corrupt");
    }
    return new IndexScope(start, contracts);
  }

  private static long parseBlock(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

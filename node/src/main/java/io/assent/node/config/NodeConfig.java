package io.assent.node.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a node needs to run, already validated. Built by {@link NodeConfigLoader} from the
 * config file, then the environment, then command-line flags (later sources win).
 *
 * @param dataDir where the RocksDB index lives
 * @param http the HTTP listener
 * @param chain the chain to follow and how
 * @param didRegistry the DID registry's address (lower-case 0x-hex)
 * @param relayerKey the private key (0x-hex) the node pays relayed transactions with, or null when
 *     the node does not relay
 * @param consentAnchor the ConsentAnchor contract's address (lower-case 0x-hex; the EIP-712
 *     verifying contract of consents), or null when this node takes no consents
 * @param datasetRegistry the DatasetRegistry contract's address (lower-case 0x-hex), or null when
 *     this node indexes no datasets (consents are then taken for any dataset id)
 * @param anchor how the node batches consents for anchoring
 * @param erasure when the node compacts what erasures deleted
 */
public record NodeConfig(
    Path dataDir,
    Http http,
    Chain chain,
    String didRegistry,
    String relayerKey,
    String consentAnchor,
    String datasetRegistry,
    Anchor anchor,
    Erasure erasure) {

  /**
   * @param batchSize N: a batch closes once this many consents and withdrawals wait
   * @param maxWait T: ... or once the oldest has waited this long
   * @param resendAfterBlocks a sent anchor neither mined nor pending after this many blocks is sent
   *     again (same batch, same root)
   */
  public record Anchor(int batchSize, Duration maxWait, int resendAfterBlocks) {}

  /**
   * @param compactionInterval how long after one erasure compaction the next runs, if any erasure
   *     waits: the longest an erased record's old versions stay in the store's files (besides the
   *     compaction itself)
   */
  public record Erasure(Duration compactionInterval) {}

  /**
   * @param bodyLimitBytes requests with larger bodies get 413 payloadTooLarge
   */
  public record Http(String host, int port, long bodyLimitBytes) {}

  /**
   * @param networkNames the network names our DIDs may carry besides the hex chain id (e.g. {@code
   *     dev}); {@code did:ethr:0x<addr>} without a network means mainnet
   * @param confirmations K: the follower stays K blocks behind the head (0 on a dev chain)
   * @param startBlock the first block to read (the registry's deployment block)
   * @param rangeSize the most blocks read in one eth_getLogs call
   * @param pollInterval how often the follower looks for a new head
   */
  public record Chain(
      String rpcUrl,
      long chainId,
      List<String> networkNames,
      int confirmations,
      long startBlock,
      int rangeSize,
      Duration pollInterval) {}

  /** The relayer key is a secret: never print it. */
  @Override
  public String toString() {
    return ("NodeConfig[dataDir=%s, http=%s, chain=%s, didRegistry=%s, consentAnchor=%s,"
            + " datasetRegistry=%s, relayer=%s, anchor=%s, erasure=%s]")
        .formatted(
            dataDir,
            http,
            chain,
            didRegistry,
            consentAnchor,
            datasetRegistry,
            relayerKey == null ? "off" : "on",
            anchor,
            erasure);
  }
}

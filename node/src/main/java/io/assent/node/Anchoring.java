package io.assent.node;

import io.assent.contracts.consent.ConsentAnchorClient;
import io.assent.node.anchor.AnchorIndexer;
import io.assent.node.anchor.Anchorer;
import io.assent.node.anchor.AnchorerConfig;
import io.assent.node.anchor.AnchorerStatus;
import io.assent.node.anchor.Web3jAnchorChain;
import io.assent.node.chain.ChainFollower;
import io.assent.node.chain.LogHandler;
import io.assent.node.config.NodeConfig;
import io.assent.node.consent.AnchoringTally;
import io.assent.node.consent.SummaryWriters;
import io.assent.node.store.KeyValueStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The consent anchoring's part of the composition root. Without a ConsentAnchor address nothing is
 * indexed or anchored. Without a relayer key the node still indexes every node's anchors and
 * accepts consents, but anchors none of its own: they stay pending, and {@code /health/ready} and
 * {@code /v1/status} say so (a read-only node is a valid deployment; refusing consents would lose
 * them for good, pending ones are anchored once a key is configured).
 */
final class Anchoring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Anchoring.class);

  private final List<LogHandler> handlers;
  private final Anchorer anchorer;

  private Anchoring(List<LogHandler> handlers, Anchorer anchorer) {
    this.handlers = handlers;
    this.anchorer = anchorer;
  }

  /**
   * @param relayer the node's one relayer transaction manager, or null without a relayer key
   * @param writers the consent service's, shared with the anchorer's summary updates
   */
  static Anchoring create(
      NodeConfig config,
      Web3j web3j,
      KeyValueStore store,
      TransactionManager relayer,
      SummaryWriters writers) {
    NodeConfig.Anchor anchor = config.anchor();
    String contract = config.consentAnchor();
    if (contract == null) {
      LOG.info("no contracts.consentAnchor: consent anchoring is off");
      return new Anchoring(List.of(), null);
    }
    List<LogHandler> handlers = List.of(new AnchorIndexer(contract));
    if (relayer == null) {
      LOG.warn("no relayer key: consents are accepted but not anchored by this node");
      return new Anchoring(handlers, null);
    }
    ConsentAnchorClient client =
        ConsentAnchorClient.load(contract, web3j, relayer, new DefaultGasProvider());
    warnIfNotDeployed(client);
    AnchorerConfig anchorerConfig =
        AnchorerConfig.defaults()
            .withBatchSize(anchor.batchSize())
            .withMaxWait(anchor.maxWait())
            .withResendAfterBlocks(anchor.resendAfterBlocks())
            .withConfirmations(config.chain().confirmations())
            .withPollInterval(config.chain().pollInterval());
    Anchorer anchorer =
        new Anchorer(
            store,
            new Web3jAnchorChain(web3j, client),
            anchorerConfig,
            Clock.systemUTC(),
            new AnchoringTally(writers));
    return new Anchoring(handlers, anchorer);
  }

  /**
   * An address without code would take every anchor without a log: batches would never confirm.
   * Said loudly at start; an unreachable endpoint is not an error here.
   */
  private static void warnIfNotDeployed(ConsentAnchorClient client) {
    try {
      if (!client.isDeployed()) {
        LOG.error(
            "no contract code at contracts.consentAnchor {}: anchors cannot confirm",
            client.address());
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot check the ConsentAnchor's code now: {}", e.getMessage());
    }
  }

  /** The follower's extra log handlers (the anchor index). */
  List<LogHandler> handlers() {
    return handlers;
  }

  /** See {@link Anchorer#follow}. */
  void follow(ChainFollower follower) {
    if (anchorer != null) {
      anchorer.follow(follower);
    }
  }

  Optional<Anchorer> anchorer() {
    return Optional.ofNullable(anchorer);
  }

  AnchorerStatus status() {
    return anchorer == null ? AnchorerStatus.DISABLED : anchorer.status();
  }

  void start() {
    if (anchorer != null) {
      anchorer.start();
    }
  }

  @Override
  public void close() {
    if (anchorer != null) {
      anchorer.close();
    }
  }
}

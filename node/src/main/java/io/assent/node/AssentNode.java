package io.assent.node;

import io.assent.contracts.did.DidRegistryClient;
import io.assent.node.anchor.Anchorer;
import io.assent.node.api.ApiServer;
import io.assent.node.api.Blocking;
import io.assent.node.api.DidParam;
import io.assent.node.api.Endpoint;
import io.assent.node.api.GetIdentity;
import io.assent.node.api.GetOpenApi;
import io.assent.node.api.GetStatus;
import io.assent.node.api.HealthLive;
import io.assent.node.api.HealthReady;
import io.assent.node.api.RelayIdentityOperation;
import io.assent.node.api.ResolveDid;
import io.assent.node.chain.ChainFollower;
import io.assent.node.chain.FollowerConfig;
import io.assent.node.chain.IndexRebuild;
import io.assent.node.chain.IndexScope;
import io.assent.node.chain.LogHandler;
import io.assent.node.config.ConfigException;
import io.assent.node.config.NodeConfig;
import io.assent.node.consent.ErasureCompactions;
import io.assent.node.consent.NonceMigration;
import io.assent.node.consent.SummaryMigration;
import io.assent.node.consent.SummaryWriters;
import io.assent.node.identity.DidNetwork;
import io.assent.node.identity.DidResolver;
import io.assent.node.identity.IdentityIndexer;
import io.assent.node.relay.IdentityRelay;
import io.assent.node.relay.IdentityState;
import io.assent.node.relay.RelayerTransactions;
import io.assent.node.store.BackgroundWork;
import io.assent.node.store.DatabaseMetadata;
import io.assent.node.store.KeyValueStore;
import io.assent.node.store.RocksDbKeyValueStore;
import io.assent.node.store.StoreOperations;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The composition root: builds the node's parts from its config, in dependency order, and stops
 * them in reverse. Nothing else constructs services.
 */
public final class AssentNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AssentNode.class);
  private static final int API_WORKERS = 16;

  private final Web3j web3j;
  private final RocksDbKeyValueStore store;
  private final ChainFollower follower;
  private final Anchoring anchoring;
  private final ConsentWiring consentWiring;
  private final DidResolver resolver;
  private final Vertx vertx;
  private final ApiServer api;
  private final int httpPort;
  private boolean closed;

  private AssentNode(
      Web3j web3j,
      RocksDbKeyValueStore store,
      Indexing indexing,
      ConsentWiring consentWiring,
      Vertx vertx,
      ApiServer api,
      int httpPort) {
    this.web3j = web3j;
    this.store = store;
    this.follower = indexing.follower();
    this.anchoring = indexing.anchoring();
    this.consentWiring = consentWiring;
    this.resolver = indexing.resolver();
    this.vertx = vertx;
    this.api = api;
    this.httpPort = httpPort;
  }

  /** The roles of the contracts in the {@link IndexScope}, named as in the config file. */
  static final String DID_REGISTRY = "didRegistry";

  static final String CONSENT_ANCHOR = "consentAnchor";
  static final String DATASET_REGISTRY = "datasetRegistry";

  /**
   * Opens the index, starts following the chain and serving HTTP. If a step fails, what the steps
   * before it started is stopped again, newest first, and the failure is thrown.
   */
  public static AssentNode start(NodeConfig config) {
    LOG.info("starting with {}", config);
    NodeConfig.Chain chain = config.chain();
    Deque<Runnable> stops = new ArrayDeque<>();
    try {
      Web3j web3j = Web3j.build(new HttpService(chain.rpcUrl()));
      stops.push(web3j::shutdown);
      RocksDbKeyValueStore store = RocksDbKeyValueStore.open(config.dataDir());
      stops.push(store::close);
      requireUsable(store, web3j, config);
      TransactionManager relayer = relayerTransactions(config, web3j);
      SummaryWriters summaryWriters = new SummaryWriters();
      Indexing indexing = Indexing.create(config, web3j, store, relayer, summaryWriters, stops);
      DatasetWiring datasets = indexing.datasets();
      DidNetwork network = indexing.network();

      Vertx vertx = Vertx.vertx();
      stops.push(() -> vertx.close().await());
      Blocking blocking = new Blocking(vertx.createSharedWorkerExecutor("api", API_WORKERS));
      DidParam didParam = new DidParam(did -> network.accepts(did.networkOrMainnet()));
      ConsentWiring consentWiring =
          new ConsentWiring(
              config,
              store,
              datasets.directory(),
              blocking,
              didParam,
              datasets.curators(),
              Clock.systemUTC(),
              summaryWriters);
      stops.push(consentWiring::close);
      String networkName =
          chain.networkNames().isEmpty() ? network.hexChainId() : chain.networkNames().get(0);
      List<Endpoint> endpoints = new ArrayList<>(consentWiring.endpoints());
      endpoints.addAll(datasets.endpoints(blocking, didParam, networkName));
      endpoints.addAll(
          identityEndpoints(config, web3j, relayer, blocking, didParam, indexing.resolver()));
      endpoints.addAll(
          operationsEndpoints(
              config, blocking, indexing, consentWiring.erasureCompactions(), networkName));
      ApiServer api = new ApiServer(vertx, endpoints, config.http().bodyLimitBytes());
      int port = api.start(config.http().host(), config.http().port()).await();
      indexing.follower().start();
      indexing.anchoring().start();
      LOG.info("listening on http://{}:{}", config.http().host(), port);
      return new AssentNode(web3j, store, indexing, consentWiring, vertx, api, port);
    } catch (RuntimeException e) {
      stops.forEach(Runnable::run);
      throw e;
    }
  }

  /**
   * The chain side of the node: the anchorer, the dataset registry's wiring, the follower that
   * feeds their log handlers and the identity indexer, and DID resolution from the index. What it
   * starts goes on {@code stops}, newest first.
   */
  private record Indexing(
      Anchoring anchoring,
      DatasetWiring datasets,
      ChainFollower follower,
      DidNetwork network,
      DidResolver resolver) {

    static Indexing create(
        NodeConfig config,
        Web3j web3j,
        RocksDbKeyValueStore store,
        TransactionManager relayer,
        SummaryWriters summaryWriters,
        Deque<Runnable> stops) {
      NodeConfig.Chain chain = config.chain();
      Anchoring anchoring = Anchoring.create(config, web3j, store, relayer, summaryWriters);
      stops.push(anchoring::close);
      DatasetWiring datasets = new DatasetWiring(config, web3j, store, relayer);
      List<LogHandler> handlers = new ArrayList<>();
      handlers.add(new IdentityIndexer(config.didRegistry()));
      handlers.addAll(anchoring.handlers());
      handlers.addAll(datasets.handlers());
      ChainFollower follower = new ChainFollower(web3j, store, handlers, followerConfig(chain));
      stops.push(follower::close);
      anchoring.follow(follower);
      DidNetwork network = new DidNetwork(chain.chainId(), new HashSet<>(chain.networkNames()));
      DidResolver resolver =
          new DidResolver(store, network, new RpcBlockTimestamps(web3j), Clock.systemUTC());
      return new Indexing(anchoring, datasets, follower, network, resolver);
    }
  }

  /** DID resolution, identity reads, and the identity relay (disabled without a relayer key). */
  private static List<Endpoint> identityEndpoints(
      NodeConfig config,
      Web3j web3j,
      TransactionManager relayer,
      Blocking blocking,
      DidParam didParam,
      DidResolver resolver) {
    IdentityRelay relay = relay(config, web3j, relayer);
    return List.of(
        new ResolveDid(blocking, resolver),
        new GetIdentity(
            blocking,
            didParam,
            relay != null ? relay : readOnlyRelay(config, web3j),
            config.didRegistry(),
            config.chain().chainId()),
        new RelayIdentityOperation(blocking, didParam, relay));
  }

  /** For operators: status, health, and the API's own description. */
  private static List<Endpoint> operationsEndpoints(
      NodeConfig config,
      Blocking blocking,
      Indexing indexing,
      ErasureCompactions erasures,
      String networkName) {
    NodeConfig.Chain chain = config.chain();
    ChainFollower sync = indexing.follower();
    Anchoring anchors = indexing.anchoring();
    return List.of(
        new GetStatus(
            blocking,
            sync::status,
            anchors::status,
            erasures::owed,
            chain.chainId(),
            networkName,
            config.didRegistry(),
            config.consentAnchor(),
            config.datasetRegistry(),
            chain.confirmations()),
        new HealthLive(),
        new HealthReady(sync::status, anchors::status, chain.confirmations()),
        new GetOpenApi(ApiServer.openApiDocument()));
  }

  /**
   * Refuses a store the node cannot serve from: another chain's, one an interrupted reindex left,
   * one built from other contracts; and an RPC endpoint of another chain.
   */
  private static void requireUsable(KeyValueStore store, Web3j web3j, NodeConfig config) {
    verifyDatabase(store, config);
    IndexRebuild.requireComplete(store);
    indexScope(config).requireMatches(store);
    checkChainId(web3j, config.chain().chainId());
  }

  /**
   * Checks that the database is for the configured chain and brings its layout up to date; throws
   * {@link io.assent.node.store.IncompatibleDatabaseException} otherwise.
   */
  static void verifyDatabase(KeyValueStore store, NodeConfig config) {
    DatabaseMetadata.initOrVerify(store, config.chain().chainId(), Clock.systemUTC())
        .migrate(
            store,
            Map.of(
                1,
                SummaryMigration::anchoredTally,
                2,
                NonceMigration::toSchemaThree,
                3,
                (database, last) -> {} // proof places: see DatabaseMetadata
                ));
  }

  /** What the configuration makes the follower index: its start block and contracts, by role. */
  static IndexScope indexScope(NodeConfig config) {
    Map<String, String> contracts = new HashMap<>();
    contracts.put(DID_REGISTRY, config.didRegistry());
    contracts.put(CONSENT_ANCHOR, config.consentAnchor());
    contracts.put(DATASET_REGISTRY, config.datasetRegistry());
    return IndexScope.of(config.chain().startBlock(), contracts);
  }

  /**
   * Refuses to follow an endpoint of another chain than configured (and than the database was built
   * from). An unreachable endpoint is not an error: the node serves its index meanwhile.
   */
  private static void checkChainId(Web3j web3j, long expected) {
    long actual;
    try {
      actual = web3j.ethChainId().send().getChainId().longValueExact();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "chain RPC unreachable at start ({}); serving the index until it returns",
          e.getMessage());
      return;
    }
    if (actual != expected) {
      throw new ConfigException(
          "the chain RPC reports chain id " + actual + ", the config says " + expected);
    }
  }

  private static FollowerConfig followerConfig(NodeConfig.Chain chain) {
    return FollowerConfig.defaults()
        .withStartBlock(chain.startBlock())
        .withConfirmations(chain.confirmations())
        .withMaxBlockRange(chain.rangeSize())
        .withPollInterval(chain.pollInterval());
  }

  /**
   * The ONE transaction manager of the relayer key, shared by the relay and the anchorer so their
   * nonces never clash; null when no key is configured.
   */
  private static TransactionManager relayerTransactions(NodeConfig config, Web3j web3j) {
    if (config.relayerKey() == null) {
      return null;
    }
    Credentials relayer = Credentials.create(config.relayerKey());
    LOG.info("relayed operations and anchors are paid by {}", relayer.getAddress());
    return new RelayerTransactions(web3j, relayer, config.chain().chainId());
  }

  /** The relay, paid by the relayer key; null when none is configured. */
  private static IdentityRelay relay(
      NodeConfig config, Web3j web3j, TransactionManager transactions) {
    if (transactions == null) {
      return null;
    }
    return new IdentityRelay(
        DidRegistryClient.load(
            config.didRegistry(), web3j, transactions, new DefaultGasProvider()));
  }

  /** Reads identity state without a key (the relay endpoint then answers relayDisabled). */
  private static IdentityRelay readOnlyRelay(NodeConfig config, Web3j web3j) {
    TransactionManager readOnly = new ReadonlyTransactionManager(web3j, IdentityState.ZERO_ADDRESS);
    return new IdentityRelay(
        DidRegistryClient.load(config.didRegistry(), web3j, readOnly, new DefaultGasProvider()));
  }

  public int httpPort() {
    return httpPort;
  }

  /** What this node asked of its store so far: for benchmarks. */
  public StoreOperations.Snapshot storeOperations() {
    return store.operations().snapshot();
  }

  /** What the store's flushes and compactions did so far: for benchmarks. */
  public BackgroundWork storeBackgroundWork() {
    return store.backgroundWork();
  }

  public ChainFollower follower() {
    return follower;
  }

  public DidResolver resolver() {
    return resolver;
  }

  /** The anchorer, when this node anchors (a ConsentAnchor address and a relayer key). */
  public Optional<Anchorer> anchorer() {
    return anchoring.anchorer();
  }

  /** Stops serving, stops the follower, closes the index. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      api.stop().await();
    } catch (RuntimeException e) {
      LOG.warn("stopping HTTP", e);
    }
    consentWiring.close();
    anchoring.close();
    follower.close();
    vertx.close().await();
    store.close();
    web3j.shutdown();
  }
}

package io.assent.contracts.devchain;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A local dev chain for tests: the pinned anvil binary from the project's node_modules, started
 * directly (so its PID is ours to stop) on a free loopback port, with a scratch HOME so it leaves
 * nothing in ~/.foundry. Close it to stop the process and delete its files; a JVM that exits
 * without closing it still stops the process ({@link ChildProcesses}).
 *
 * <p>Accounts are anvil's defaults (the "test test ... junk" mnemonic), each funded with 10,000
 * ETH. Blocks are mined on every transaction unless interval mining is configured.
 */
public final class Anvil implements AutoCloseable {

  /** Private keys of anvil's first default accounts. Public test keys; never use elsewhere. */
  public static final List<String> DEV_KEYS =
      List.of(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
          "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");

  public static final long CHAIN_ID = 31337;

  /** States anvil keeps in memory; also the deepest reorg a test can make. */
  public static final int PRUNE_HISTORY_STATES = 256;

  private final Process process;
  private final Path home;
  private final int port;
  private final Web3j web3j;

  private Anvil(Process process, Path home, int port) {
    this.process = process;
    this.home = home;
    this.port = port;
    this.web3j = Web3j.build(new HttpService(rpcUrl()));
  }

  /** Starts anvil with automine and waits until its JSON-RPC answers. */
  public static Anvil start() {
    return start(List.of());
  }

  /** Starts anvil with extra command-line arguments (e.g. {@code --block-time 1}). */
  public static Anvil start(List<String> extraArgs) {
    Path binary = binary();
    try {
      Path home = Files.createTempDirectory("assent-anvil-");
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.addAll(
          List.of(
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--chain-id",
              Long.toString(CHAIN_ID),
              "--hardfork",
              "cancun",
              // Keep recent states in memory only: reorgs (anvil_reorg) need them, and
              // nothing is written to disk as the chain grows.
              "--prune-history",
              Integer.toString(PRUNE_HISTORY_STATES),
              "--silent"));
      command.addAll(extraArgs);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("anvil.log").toFile());
      builder.environment().put("HOME", home.toString());
      Anvil anvil = new Anvil(ChildProcesses.stopOnExit(builder.start()), home, port);
      anvil.awaitReady(Duration.ofSeconds(30));
      return anvil;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start anvil at " + binary, e);
    }
  }

  /** The anvil binary shipped by the npm package pinned in package.json. */
  public static Path binary() {
    Path root = Path.of(System.getProperty("assent.root", ".")).toAbsolutePath();
    for (Path dir = root; dir != null; dir = dir.getParent()) {
      Path candidate =
          dir.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil").normalize();
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "anvil not found under node_modules; run bin/ensure-npm (the Maven build does)");
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Web3j web3j() {
    return web3j;
  }

  public static Credentials devCredentials(int index) {
    return Credentials.create(DEV_KEYS.get(index));
  }

  /** A transaction manager for a dev account that polls receipts every 50 ms. */
  public TransactionManager transactionManager(Credentials credentials) {
    return new RawTransactionManager(
        web3j, credentials, CHAIN_ID, new PollingTransactionReceiptProcessor(web3j, 50, 600));
  }

  public static DefaultGasProvider gasProvider() {
    return new DefaultGasProvider();
  }

  public long blockNumber() {
    try {
      return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Mines {@code blocks} empty blocks. */
  public void mine(int blocks) {
    call("anvil_mine", List.of("0x" + Integer.toHexString(blocks)));
  }

  /** Advances the next block's timestamp by {@code seconds} and mines it. */
  public void increaseTime(long seconds) {
    call("evm_increaseTime", List.of(seconds));
    mine(1);
  }

  /** Takes a snapshot of the chain state; {@link #revert} returns to it. */
  public String snapshot() {
    return call("evm_snapshot", List.of()).toString();
  }

  /** Reverts to a snapshot: the blocks after it are dropped (a reorg, once new blocks come). */
  public void revert(String snapshotId) {
    Object ok = call("evm_revert", List.of(snapshotId));
    if (!Boolean.TRUE.equals(ok)) {
      throw new IllegalStateException("evm_revert refused " + snapshotId);
    }
  }

  /**
   * Replaces the last {@code depth} blocks with as many new, empty blocks: a reorg that drops every
   * transaction of those blocks (anvil_reorg).
   */
  public void reorg(int depth) {
    call("anvil_reorg", List.of(depth, List.of()));
  }

  /** Switches automine on or off. */
  public void automine(boolean enabled) {
    call("evm_setAutomine", List.of(enabled));
  }

  /** Calls an arbitrary JSON-RPC method and returns its result. */
  public Object call(String method, List<?> params) {
    try {
      Response<?> response =
          new Request<>(method, params, new HttpService(rpcUrl()), GenericResponse.class).send();
      if (response.hasError()) {
        throw new IllegalStateException(method + ": " + response.getError().getMessage());
      }
      return response.getResult();
    } catch (IOException e) {
      throw new IllegalStateException(method + " failed", e);
    }
  }

  /** Response whose result is whatever JSON came back. */
  public static final class GenericResponse extends Response<Object> {}

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("anvil exited: " + readLog());
      }
      try {
        BigInteger chainId = web3j.ethChainId().send().getChainId();
        if (chainId != null) {
          return;
        }
      } catch (IOException | RuntimeException e) {
        // not listening yet
      }
      try {
        Thread.sleep(50); // polling for readiness, not a fixed wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new IllegalStateException("anvil did not answer within " + timeout);
  }

  private String readLog() {
    try {
      return Files.readString(home.resolve("anvil.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    web3j.shutdown();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    ChildProcesses.forget(process);
    deleteRecursively(home);
  }

  /** A free TCP port on loopback, found by binding port 0. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: a scratch dir
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }
}

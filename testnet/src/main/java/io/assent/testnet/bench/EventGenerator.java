package io.assent.testnet.bench;

import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.contracts.did.Erc1056Signature;
import io.assent.contracts.did.Erc1056SignedHash;
import io.assent.contracts.generated.DIDRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/**
 * Fills a dev chain with DID registry events, fast: automine off, relayed {@code
 * setAttributeSigned} transactions (signed by each identity's owner, paid by dev account 0) sent as
 * raw transactions in JSON-RPC batches with locally tracked nonces, {@value #TXS_PER_BLOCK} to a
 * block. Both signatures of each transaction come from {@link Secp256k1Signer}, in parallel. Events
 * go round-robin over the identities, so each identity's registry nonce rises in the order the
 * relayer's transactions are mined.
 */
final class EventGenerator {
  /**
   * A relayed setAttribute uses ~45,700 gas (~80,000 for an identity's first), so about 650 fit in
   * anvil's 30M-gas blocks (anvil admits a transaction while gas used + its gas limit fits). What
   * does not fit goes into the next block.
   */
  static final int TXS_PER_BLOCK = 600;

  private static final BigInteger FIRST_GAS_LIMIT = BigInteger.valueOf(120_000);
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(70_000);
  private static final byte[] NAME = DidNames.encode(DidNames.serviceAttribute("ConsentService"));
  private static final BigInteger VALIDITY = BigInteger.valueOf(365L * 24 * 3600);

  private final BenchChain chain;
  private final Web3j web3j;
  private final Credentials relayer = Anvil.devCredentials(BenchChain.RELAYER);
  private final DIDRegistry encoder;
  private final String registry;

  EventGenerator(BenchChain chain) {
    this.chain = chain;
    this.web3j = chain.anvil().web3j();
    this.registry = chain.registry().address();
    this.encoder =
        DIDRegistry.load(
            registry,
            web3j,
            new ReadonlyTransactionManager(web3j, relayer.getAddress()),
            new DefaultGasProvider());
  }

  /**
   * Mines {@code events} events over {@code identities} fresh identities; returns the last block.
   * Prints where the time went (signing, anvil accepting the transactions, mining).
   */
  long generate(int events, int identities) {
    List<Credentials> owners =
        IntStream.range(0, identities).mapToObj(EventGenerator::owner).toList();
    long[] ownerNonces = new long[identities];
    BigInteger relayerNonce = pendingNonce(relayer.getAddress());
    long[] phaseNanos = new long[3];
    chain.anvil().automine(false);
    try {
      for (int first = 0; first < events; first += TXS_PER_BLOCK) {
        List<Signed> block = new ArrayList<>(TXS_PER_BLOCK);
        for (int k = first; k < Math.min(events, first + TXS_PER_BLOCK); k++) {
          int who = k % identities;
          block.add(new Signed(who, ownerNonces[who]++, relayerNonce, k));
          relayerNonce = relayerNonce.add(BigInteger.ONE);
        }
        long start = System.nanoTime();
        BigInteger gasPrice = gasPrice();
        List<String> raw =
            block.parallelStream()
                .map(s -> rawTransaction(s, owners.get(s.owner), gasPrice))
                .toList();
        long signed = System.nanoTime();
        send(raw);
        long sent = System.nanoTime();
        mineUntilIncluded(relayerNonce);
        phaseNanos[0] += signed - start;
        phaseNanos[1] += sent - signed;
        phaseNanos[2] += System.nanoTime() - sent;
      }
    } finally {
      chain.anvil().automine(true);
    }
    Bench.progress(
        "generator: signing %.1f s, anvil accepting transactions %.1f s, mining %.1f s",
        phaseNanos[0] / 1e9, phaseNanos[1] / 1e9, phaseNanos[2] / 1e9);
    return chain.anvil().blockNumber();
  }

  /** One event to write: owner index, owner's registry nonce, relayer's account nonce, sequence. */
  private record Signed(int owner, long ownerNonce, BigInteger relayerNonce, int sequence) {}

  private String rawTransaction(Signed s, Credentials owner, BigInteger gasPrice) {
    String identity = owner.getAddress();
    byte[] value = ("https://consent.example.org/" + s.sequence).getBytes(StandardCharsets.UTF_8);
    Erc1056Operation op = new Erc1056Operation.SetAttribute(identity, NAME, value, VALIDITY);
    Sign.SignatureData owned =
        Secp256k1Signer.sign(
            Erc1056SignedHash.of(registry, BigInteger.valueOf(s.ownerNonce), op),
            owner.getEcKeyPair().getPrivateKey());
    Erc1056Signature sig = new Erc1056Signature(owned.getV()[0], owned.getR(), owned.getS());
    String data =
        encoder
            .setAttributeSigned(
                identity, BigInteger.valueOf(sig.v()), sig.r(), sig.s(), NAME, value, VALIDITY)
            .encodeFunctionCall();
    RawTransaction tx =
        RawTransaction.createTransaction(
            s.relayerNonce,
            gasPrice,
            s.ownerNonce == 0 ? FIRST_GAS_LIMIT : GAS_LIMIT,
            registry,
            data);
    return signed(tx, relayer);
  }

  /** The raw transaction signed as TransactionEncoder.signMessage(tx, chainId, key) signs it. */
  static String signed(RawTransaction tx, Credentials sender) {
    byte[] hash = Hash.sha3(TransactionEncoder.encode(tx, Anvil.CHAIN_ID));
    Sign.SignatureData signature =
        Secp256k1Signer.sign(hash, sender.getEcKeyPair().getPrivateKey());
    return Numeric.toHexString(
        TransactionEncoder.encode(
            tx, TransactionEncoder.createEip155SignatureData(signature, Anvil.CHAIN_ID)));
  }

  private void send(List<String> rawTransactions) {
    BatchRequest batch = web3j.newBatch();
    rawTransactions.forEach(raw -> batch.add(web3j.ethSendRawTransaction(raw)));
    try {
      for (Response<?> response : batch.send().getResponses()) {
        if (response.hasError()) {
          throw new IllegalStateException(
              "eth_sendRawTransaction: " + response.getError().getMessage());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("sending a batch failed", e);
    }
  }

  /** Mines until every transaction of the relayer up to {@code nextNonce} - 1 is in a block. */
  private void mineUntilIncluded(BigInteger nextNonce) {
    for (int attempt = 0; attempt < 10; attempt++) {
      chain.anvil().mine(1);
      if (minedNonce(relayer.getAddress()).compareTo(nextNonce) >= 0) {
        return;
      }
    }
    throw new IllegalStateException(
        "transactions still pending after 10 blocks: txpool "
            + chain.anvil().call("txpool_status", List.of()));
  }

  /**
   * Twice the latest base fee plus a 1 gwei tip: full blocks raise the base fee by 12.5% each, so
   * this covers the blocks a batch may spill into. (Not eth_gasPrice: anvil derives it from recent
   * transactions' prices, so doubling it every block would compound.)
   */
  private BigInteger gasPrice() {
    try {
      BigInteger baseFee =
          web3j
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getBaseFeePerGas();
      return baseFee.shiftLeft(1).add(BigInteger.TEN.pow(9));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private BigInteger pendingNonce(String address) {
    return nonce(address, DefaultBlockParameterName.PENDING);
  }

  private BigInteger minedNonce(String address) {
    return nonce(address, DefaultBlockParameterName.LATEST);
  }

  private BigInteger nonce(String address, DefaultBlockParameterName block) {
    try {
      return web3j.ethGetTransactionCount(address, block).send().getTransactionCount();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Credentials owner(int index) {
    byte[] seed = ("assent-bench/sync-owner/" + index).getBytes(StandardCharsets.UTF_8);
    return Credentials.create(ECKeyPair.create(Hash.sha3(seed)));
  }
}

package io.assent.contracts.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.DidRegistryClient;
import io.assent.contracts.did.Erc1056Operation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * A dev chain with a DID registry and a dataset registry bound to it, for one IT class: clients for
 * any key, fresh (funded) keys, delegate management, and refusal assertions.
 */
final class DatasetChain implements AutoCloseable {

  static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
  static final byte[] VERI_KEY = DidNames.encode(DidNames.VERI_KEY);
  static final byte[] SIG_AUTH = DidNames.encode(DidNames.SIG_AUTH);
  static final byte[] ENC = DidNames.encode(DidNames.ENC);
  private static final SecureRandom RANDOM = new SecureRandom();

  final Anvil anvil;
  final DidRegistryClient did;
  final DatasetRegistryClient registry;

  private DatasetChain(Anvil anvil) {
    this.anvil = anvil;
    var deployer = anvil.transactionManager(Anvil.devCredentials(0));
    this.did = DidRegistryClient.deploy(anvil.web3j(), deployer, Anvil.gasProvider());
    this.registry =
        DatasetRegistryClient.deploy(anvil.web3j(), deployer, Anvil.gasProvider(), did.address());
  }

  static DatasetChain start() {
    Anvil anvil = Anvil.start();
    try {
      return new DatasetChain(anvil);
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /** A client of the same dataset registry whose transactions {@code key} signs and pays for. */
  DatasetRegistryClient clientFor(Credentials key) {
    return DatasetRegistryClient.load(
        registry.address(), anvil.web3j(), anvil.transactionManager(key), Anvil.gasProvider());
  }

  DidRegistryClient didFor(Credentials key) {
    return DidRegistryClient.load(
        did.address(), anvil.web3j(), anvil.transactionManager(key), Anvil.gasProvider());
  }

  /** The relayer: dev account 1 pays for signed operations. */
  DatasetRegistryClient relayer() {
    return clientFor(Anvil.devCredentials(1));
  }

  long chainId() {
    return Anvil.CHAIN_ID;
  }

  /** {@code owner} makes {@code delegate} a delegate of its identity for {@code seconds}. */
  void addDelegate(Credentials owner, byte[] type, String delegate, long seconds) {
    didFor(owner)
        .send(
            new Erc1056Operation.AddDelegate(
                owner.getAddress(), type, delegate, BigInteger.valueOf(seconds)));
  }

  void revokeDelegate(Credentials owner, byte[] type, String delegate) {
    didFor(owner).send(new Erc1056Operation.RevokeDelegate(owner.getAddress(), type, delegate));
  }

  void deactivate(Credentials owner) {
    didFor(owner).send(new Erc1056Operation.ChangeOwner(owner.getAddress(), ZERO_ADDRESS));
  }

  static Credentials newKey() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new key funded with 1 ETH from dev account 0, so it can send its own transactions. */
  Credentials newFundedKey() {
    Credentials key = newKey();
    try {
      TransactionReceipt funded =
          new Transfer(anvil.web3j(), anvil.transactionManager(Anvil.devCredentials(0)))
              .sendFunds(key.getAddress(), BigDecimal.ONE, Convert.Unit.ETHER)
              .send();
      assertThat(funded.isStatusOK()).isTrue();
    } catch (Exception e) {
      throw new IllegalStateException("cannot fund " + key.getAddress(), e);
    }
    return key;
  }

  /** How many transactions {@code address} has had mined: a refused write sends none. */
  BigInteger sentBy(String address) {
    try {
      return anvil
          .web3j()
          .ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
          .send()
          .getTransactionCount();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String randomBytes32() {
    byte[] out = new byte[32];
    RANDOM.nextBytes(out);
    return Numeric.toHexString(out);
  }

  /** A registration of a fresh name by {@code curator} with the given parents. */
  static DatasetOperation.Register registration(String curator, List<String> parents) {
    return new DatasetOperation.Register(
        curator,
        "corpus-" + randomBytes32().substring(2, 14),
        "1.0.0",
        randomBytes32(),
        randomBytes32(),
        "ipfs://bafy" + randomBytes32().substring(2, 20),
        "CC-BY-4.0",
        parents);
  }

  /** {@code write} is refused with the registry error {@code errorName} and these arguments. */
  static DatasetRegistryException assertRefused(
      Runnable write, String errorName, String... errorArgs) {
    DatasetRegistryException e = catchThrowableOfType(DatasetRegistryException.class, write::run);
    assertThat(e).as("refused with %s", errorName).isNotNull();
    assertThat(e.reason()).isEqualTo(DatasetRegistryException.Reason.REVERTED);
    assertThat(e.errorName()).as(e.getMessage()).contains(errorName);
    if (errorArgs.length > 0) {
      assertThat(e.errorArgs()).containsExactly(errorArgs);
    }
    assertThat(e.transactionHash()).as("nothing was sent").isEmpty();
    return e;
  }

  static <T> T single(List<T> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Override
  public void close() {
    anvil.close();
  }
}

package io.assent.contracts.did;

import io.assent.contracts.devchain.Anvil;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

/**
 * A dev chain with a freshly deployed registry, for one IT class: clients for any key, fresh
 * identities (funded when they must pay gas), and block and account lookups.
 */
final class RegistryChain implements AutoCloseable {

  static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

  final Anvil anvil;
  final DidRegistryClient deployer;

  private RegistryChain(Anvil anvil) {
    this.anvil = anvil;
    this.deployer =
        DidRegistryClient.deploy(
            anvil.web3j(), anvil.transactionManager(Anvil.devCredentials(0)), Anvil.gasProvider());
  }

  static RegistryChain start() {
    Anvil anvil = Anvil.start();
    try {
      return new RegistryChain(anvil);
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /** A client of the same registry whose transactions {@code key} signs and pays for. */
  DidRegistryClient clientFor(Credentials key) {
    return DidRegistryClient.load(
        deployer.address(), anvil.web3j(), anvil.transactionManager(key), Anvil.gasProvider());
  }

  String registry() {
    return deployer.address();
  }

  /** A new key that holds no ether: it can only sign, never send. */
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
      if (!funded.isStatusOK()) {
        throw new IllegalStateException("funding failed: " + funded);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot fund " + key.getAddress(), e);
    }
    return key;
  }

  BigInteger timestampOf(BigInteger block) {
    try {
      return anvil
          .web3j()
          .ethGetBlockByNumber(DefaultBlockParameter.valueOf(block), false)
          .send()
          .getBlock()
          .getTimestamp();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many transactions {@code address} has sent (mined): a refused write sends none. */
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

  BigInteger balanceOf(String address) {
    try {
      return anvil
          .web3j()
          .ethGetBalance(address, DefaultBlockParameterName.LATEST)
          .send()
          .getBalance();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    anvil.close();
  }
}

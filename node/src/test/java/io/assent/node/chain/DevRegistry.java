package io.assent.node.chain;

import io.assent.contracts.devchain.Anvil;
import io.assent.contracts.generated.DIDRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.TransactionManager;

/** The DID registry deployed on a test anvil, and the attribute writes that make its logs. */
final class DevRegistry {

  private static final BigInteger GAS_PRICE = BigInteger.valueOf(10_000_000_000L);
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(200_000);

  private final Anvil anvil;
  private final String address;
  private final long deployBlock;

  DevRegistry(Anvil anvil) throws Exception {
    this.anvil = anvil;
    DIDRegistry registry =
        DIDRegistry.deploy(
                anvil.web3j(),
                anvil.transactionManager(Anvil.devCredentials(0)),
                Anvil.gasProvider())
            .send();
    this.address = registry.getContractAddress().toLowerCase(Locale.ROOT);
    this.deployBlock = anvil.blockNumber();
  }

  String address() {
    return address;
  }

  long deployBlock() {
    return deployBlock;
  }

  /** The identity of dev key {@code key} sets an attribute; returns once it is mined. */
  void setAttribute(int key, String name, String value) throws Exception {
    registry(key, anvil.transactionManager(Anvil.devCredentials(key)))
        .setAttribute(identity(key), bytes32(name), utf8(value), BigInteger.valueOf(86_400))
        .send();
  }

  /** Sends the same transaction without waiting for it to be mined (automine off). */
  void sendSetAttribute(int key, String name, String value) throws IOException {
    TransactionManager manager = anvil.transactionManager(Anvil.devCredentials(key));
    String data =
        registry(key, manager)
            .setAttribute(identity(key), bytes32(name), utf8(value), BigInteger.valueOf(86_400))
            .encodeFunctionCall();
    EthSendTransaction sent =
        manager.sendTransaction(GAS_PRICE, GAS_LIMIT, address, data, BigInteger.ZERO);
    if (sent.hasError()) {
      throw new IOException(sent.getError().getMessage());
    }
  }

  /** Several attribute writes in one block: logs with different indexes in the same block. */
  void setAttributesInOneBlock(String name, String value, int... keys) throws IOException {
    anvil.automine(false);
    try {
      for (int key : keys) {
        sendSetAttribute(key, name, value + "-" + key);
      }
      anvil.mine(1);
    } finally {
      anvil.automine(true);
    }
  }

  private DIDRegistry registry(int key, TransactionManager manager) {
    return DIDRegistry.load(address, anvil.web3j(), manager, Anvil.gasProvider());
  }

  private static String identity(int key) {
    return Anvil.devCredentials(key).getAddress();
  }

  private static byte[] bytes32(String name) {
    return Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 32);
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}

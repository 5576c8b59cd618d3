package io.assent.testnet;

import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.DidRegistryClient;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.contracts.did.Erc1056SignedHash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * Writes DID histories to a registry as signed operations relayed by the client's account, so the
 * identities need no ETH. Reads each owner's registry nonce from the chain once, then tracks it
 * itself.
 */
public final class DidHistory {
  private final DidRegistryClient registry;
  private final Map<String, BigInteger> nonces = new HashMap<>();

  public DidHistory(DidRegistryClient registry) {
    this.registry = registry;
  }

  public static Credentials newIdentity() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code count} new identities. */
  public static List<Credentials> newIdentities(int count) {
    List<Credentials> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(newIdentity());
    }
    return out;
  }

  /** Relays a signed operation by the identity's owner and returns the transaction hash. */
  public String relay(Credentials owner, Erc1056Operation operation) {
    BigInteger nonce = nonces.computeIfAbsent(owner.getAddress(), registry::nonce);
    String tx =
        registry.submitSigned(
            operation, Erc1056SignedHash.sign(registry.address(), nonce, operation, owner));
    nonces.put(owner.getAddress(), nonce.add(BigInteger.ONE));
    return tx;
  }

  /** Sets service {@code did/svc/<type>} to {@code endpoint} for a day. */
  public String addService(Credentials owner, String type, String endpoint) {
    return relay(
        owner,
        new Erc1056Operation.SetAttribute(
            owner.getAddress(),
            DidNames.encode(DidNames.serviceAttribute(type)),
            endpoint.getBytes(StandardCharsets.UTF_8),
            BigInteger.valueOf(86_400)));
  }

  /** Adds a delegate of the given type for {@code seconds}. */
  public String addDelegate(Credentials owner, String type, String delegate, long seconds) {
    return relay(
        owner,
        new Erc1056Operation.AddDelegate(
            owner.getAddress(), DidNames.encode(type), delegate, BigInteger.valueOf(seconds)));
  }

  /** Waits for a transaction's receipt; fails if it reverted. */
  public void await(String txHash) {
    registry.awaitReceipt(txHash);
  }
}

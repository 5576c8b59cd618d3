package io.assent.testnet.bench;

import io.assent.contracts.did.DidNames;
import io.assent.contracts.did.DidRegistryClient;
import io.assent.contracts.did.Erc1056Operation;
import io.assent.testnet.DidHistory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Writes identities with a given number of changes, each a signed operation relayed (and paid) by
 * the registry client's account ({@link DidHistory}), so the identities need no ETH. The changes
 * cycle through a service endpoint, a public key attribute and a delegate (veriKey, then sigAuth),
 * all valid for a year, so every change stays in the document. Keys are derived from a label, so a
 * run is reproducible.
 */
final class IdentityHistories {
  static final BigInteger ONE_YEAR = BigInteger.valueOf(365L * 24 * 3600);

  private static final byte[] SERVICE =
      DidNames.encode(DidNames.serviceAttribute("ConsentService"));
  private static final byte[] VERI_KEY =
      DidNames.encode(DidNames.publicKeyAttribute("Secp256k1", DidNames.VERI_KEY, "hex"));

  private final DidHistory history;

  IdentityHistories(DidRegistryClient registry) {
    this.history = new DidHistory(registry);
  }

  /**
   * Creates an identity with {@code changes} changes and returns its address (lower-case 0x-hex).
   * Each change is mined in its own block (anvil automines), as an identity's history spreads over
   * blocks on a real chain; only the last receipt is awaited.
   */
  String create(String label, int changes) {
    Credentials owner = Credentials.create(keyOf(label));
    String identity = owner.getAddress().toLowerCase(java.util.Locale.ROOT);
    String lastTx = null;
    for (int i = 0; i < changes; i++) {
      lastTx = history.relay(owner, change(identity, label, i));
    }
    if (lastTx != null) {
      history.await(lastTx);
    }
    return identity;
  }

  private static Erc1056Operation change(String identity, String label, int i) {
    return switch (i % 4) {
      case 0 ->
          new Erc1056Operation.SetAttribute(
              identity,
              SERVICE,
              ("https://consent-" + i + ".example.org/" + label).getBytes(StandardCharsets.UTF_8),
              ONE_YEAR);
      case 1 ->
          new Erc1056Operation.SetAttribute(
              identity, VERI_KEY, compressedPublicKey(label + "/key/" + i), ONE_YEAR);
      case 2 ->
          new Erc1056Operation.AddDelegate(
              identity, DidNames.encode(DidNames.VERI_KEY), address(label + "/d/" + i), ONE_YEAR);
      default ->
          new Erc1056Operation.AddDelegate(
              identity, DidNames.encode(DidNames.SIG_AUTH), address(label + "/d/" + i), ONE_YEAR);
    };
  }

  private static ECKeyPair keyOf(String label) {
    return ECKeyPair.create(Hash.sha3(("assent-bench/" + label).getBytes(StandardCharsets.UTF_8)));
  }

  private static String address(String label) {
    return Numeric.prependHexPrefix(Keys.getAddress(keyOf(label)));
  }

  /** A 33-byte compressed secp256k1 public key, as did/pub/Secp256k1/veriKey/hex carries it. */
  private static byte[] compressedPublicKey(String label) {
    BigInteger publicKey = keyOf(label).getPublicKey();
    byte[] xy = Numeric.toBytesPadded(publicKey, 64);
    byte[] compressed = new byte[33];
    compressed[0] = (byte) ((xy[63] & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(xy, 0, compressed, 1, 32);
    return compressed;
  }
}

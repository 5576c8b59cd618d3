package io.assent.contracts.did;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A {@code did:ethr} DID: {@code did:ethr:[network:]0x<40 hex address | 66 hex compressed public
 * key>}, where the network is a name ({@code mainnet}, {@code dev}, {@code rsk:testnet}) or a hex
 * chain id ({@code 0x7a69}).
 *
 * <p>Parsing accepts exactly a DID: a DID URL (with a path, query, fragment or parameters) is
 * refused with {@link InvalidDidException.Reason#DID_URL}; split it first. A mixed-case address
 * must carry a valid EIP-55 checksum; all-lower and all-upper case are accepted, as ethers' {@code
 * getAddress} does. A public-key DID is checked to be a point on secp256k1, and its address is
 * derived from it.
 *
 * <p>Two DIDs are equal when network, address and public key are equal, whatever the hex case they
 * were written in. The network is kept verbatim: resolvers match it exactly, as the reference
 * resolver does (so {@code 0x7A69} and {@code 0x7a69} are different networks).
 */
public final class DidEthr {

  public static final String PREFIX = "did:ethr:";

  // DID syntax (W3C DID Core): idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded.
  private static final Pattern NETWORK =
      Pattern.compile(
          "(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+(?::(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+)*");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern PUBLIC_KEY = Pattern.compile("0x[0-9a-fA-F]{66}");
  private static final Pattern CHAIN_ID = Pattern.compile("0x[0-9a-fA-F]+");

  private final String network;
  private final String address;
  private final String publicKey;

  private DidEthr(String network, String address, String publicKey) {
    this.network = network;
    this.address = address;
    this.publicKey = publicKey;
  }

  /** Parses a DID, or throws {@link InvalidDidException} with a stable reason. */
  public static DidEthr parse(String did) {
    if (did == null || !did.startsWith(PREFIX)) {
      throw new InvalidDidException(InvalidDidException.Reason.NOT_DID_ETHR, "not a did:ethr DID");
    }
    String rest = did.substring(PREFIX.length());
    if (rest.indexOf('/') >= 0
        || rest.indexOf('?') >= 0
        || rest.indexOf('#') >= 0
        || rest.indexOf(';') >= 0) {
      throw new InvalidDidException(
          InvalidDidException.Reason.DID_URL,
          "a DID URL (path, query, fragment or parameters) is not a DID");
    }
    int colon = rest.lastIndexOf(':');
    String network = colon < 0 ? null : rest.substring(0, colon);
    String identifier = rest.substring(colon + 1);
    if (network != null && !NETWORK.matcher(network).matches()) {
      throw new InvalidDidException(
          InvalidDidException.Reason.BAD_NETWORK, "bad network part: '" + network + "'");
    }
    if (ADDRESS.matcher(identifier).matches()) {
      return new DidEthr(network, checkedAddress(identifier), null);
    }
    if (PUBLIC_KEY.matcher(identifier).matches()) {
      String key = identifier.toLowerCase(Locale.ROOT);
      return new DidEthr(network, addressOfCompressedKey(key), key);
    }
    throw new InvalidDidException(
        InvalidDidException.Reason.BAD_IDENTIFIER,
        "identifier must be 0x + 40 hex digits (address) or 0x + 66 (compressed public key)");
  }

  /** The DID of an address on a network ({@code null} network: none, i.e. mainnet). */
  public static DidEthr ofAddress(String network, String address) {
    return parse(PREFIX + (network == null ? "" : network + ":") + address);
  }

  /** The network part as written, if any. A DID without one means mainnet. */
  public Optional<String> network() {
    return Optional.ofNullable(network);
  }

  /** The network part, or {@code "mainnet"} when absent (as did:ethr resolvers read it). */
  public String networkOrMainnet() {
    return network == null ? "mainnet" : network;
  }

  /** The chain id when the network part is a hex chain id ({@code 0x...}). */
  public Optional<BigInteger> hexChainId() {
    if (network == null || !CHAIN_ID.matcher(network).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigInteger(network.substring(2), 16));
  }

  /** The identity address, lower-case 0x-hex (derived from the key for a public-key DID). */
  public String address() {
    return address;
  }

  /** The identity address with its EIP-55 checksum. */
  public String checksumAddress() {
    return Keys.toChecksumAddress(address);
  }

  /** The compressed public key (lower-case 0x + 66 hex) of a public-key DID. */
  public Optional<String> publicKey() {
    return Optional.ofNullable(publicKey);
  }

  /** Canonical form: network as written, identifier in lower-case hex. */
  @Override
  public String toString() {
    return PREFIX
        + (network == null ? "" : network + ":")
        + (publicKey != null ? publicKey : address);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DidEthr other
        && Objects.equals(network, other.network)
        && address.equals(other.address)
        && Objects.equals(publicKey, other.publicKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(network, address, publicKey);
  }

  private static String checkedAddress(String address) {
    String hex = address.substring(2);
    boolean mixedCase =
        !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
    if (mixedCase && !Keys.toChecksumAddress(address).equals(address)) {
      throw new InvalidDidException(
          InvalidDidException.Reason.BAD_CHECKSUM, "mixed-case address with a bad EIP-55 checksum");
    }
    return address.toLowerCase(Locale.ROOT);
  }

  private static String addressOfCompressedKey(String key) {
    byte[] encoded = Numeric.hexStringToByteArray(key);
    if (encoded[0] != 0x02 && encoded[0] != 0x03) {
      throw new InvalidDidException(
          InvalidDidException.Reason.BAD_PUBLIC_KEY,
          "a compressed public key starts with 02 or 03");
    }
    ECPoint point;
    try {
      point = Sign.CURVE_PARAMS.getCurve().decodePoint(encoded);
    } catch (IllegalArgumentException e) {
      throw new InvalidDidException(
          InvalidDidException.Reason.BAD_PUBLIC_KEY, "not a point on secp256k1");
    }
    byte[] uncompressed = point.getEncoded(false);
    BigInteger publicKey = new BigInteger(1, java.util.Arrays.copyOfRange(uncompressed, 1, 65));
    return Numeric.prependHexPrefix(Keys.getAddress(publicKey));
  }
}

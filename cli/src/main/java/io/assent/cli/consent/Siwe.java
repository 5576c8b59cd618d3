package io.assent.cli.consent;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Sign-In with Ethereum (EIP-4361) for the node's private reads: a message naming the node (domain
 * = its host:port, uri = its URL), the key's address, the chain, a fresh nonce and a 5-minute
 * lifetime, signed with {@code personal_sign} (EIP-191). Sent as {@code Authorization: SIWE
 * <base64url(message)>.<0x signature>}.
 */
public final class Siwe {

  public static final String STATEMENT = "Assent: read my consents";
  static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Siwe() {}

  /** The EIP-4361 message text (lines joined by '\n', no trailing newline). */
  public static String message(
      URI node, String address, BigInteger chainId, String nonce, Instant issuedAt) {
    return message(node, address, chainId, nonce, issuedAt, STATEMENT);
  }

  /** As {@link #message(URI, String, BigInteger, String, Instant)}, with another statement. */
  public static String message(
      URI node,
      String address,
      BigInteger chainId,
      String nonce,
      Instant issuedAt,
      String statement) {
    Instant issued = issuedAt.truncatedTo(ChronoUnit.SECONDS);
    return authority(node)
        + " wants you to sign in with your Ethereum account:\n"
        + Keys.toChecksumAddress(address)
        + "\n\n"
        + statement
        + "\n\n"
        + "URI: "
        + node
        + "\nVersion: 1\nChain ID: "
        + chainId
        + "\nNonce: "
        + nonce
        + "\nIssued At: "
        + issued
        + "\nExpiration Time: "
        + issued.plus(LIFETIME);
  }

  /**
   * The node's authority as the HTTP {@code Host} header carries it (the node requires the message
   * domain to equal that header): {@code host:port}, or just {@code host} for the scheme's default
   * port, as Java's HTTP client and browsers send it.
   */
  static String authority(URI node) {
    int port = node.getPort();
    int defaultPort = "https".equals(node.getScheme()) ? 443 : 80;
    return port < 0 || port == defaultPort ? node.getHost() : node.getHost() + ":" + port;
  }

  /** A random alphanumeric nonce (EIP-4361 asks for at least 8 characters; this has 16). */
  static String nonce() {
    StringBuilder nonce = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      nonce.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return nonce.toString();
  }

  /** The {@code Authorization} header value for {@code message}, signed by {@code key}. */
  public static String header(String message, Credentials key) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    Sign.SignatureData sig = Sign.signPrefixedMessage(bytes, key.getEcKeyPair());
    byte[] signature = new byte[65];
    System.arraycopy(sig.getR(), 0, signature, 0, 32);
    System.arraycopy(sig.getS(), 0, signature, 32, 32);
    signature[64] = sig.getV()[0];
    return "SIWE "
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
        + "."
        + Numeric.toHexString(signature);
  }

  /** A fresh header for a read at {@code node} on {@code chainId}, signed now by {@code key}. */
  public static String authorize(URI node, BigInteger chainId, Credentials key) {
    return authorize(node, chainId, key, STATEMENT);
  }

  /** As {@link #authorize(URI, BigInteger, Credentials)}, saying what the sign-in is for. */
  public static String authorize(URI node, BigInteger chainId, Credentials key, String statement) {
    return header(message(node, key.getAddress(), chainId, nonce(), Instant.now(), statement), key);
  }
}

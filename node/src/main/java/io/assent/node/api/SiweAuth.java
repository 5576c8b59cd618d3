package io.assent.node.api;

import io.assent.node.consent.SignerAuthority;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Authentication of private reads with Sign-In with Ethereum (EIP-4361): {@code Authorization: SIWE
 * <base64url(message)>.<0x personal_sign signature>}. The message must name this node (its domain =
 * the request's Host), its chain, be issued within the last 10 minutes and expire (if it says so)
 * at most 10 minutes after issue. The token may be reused until then (a CLI lists, then reads);
 * send it over TLS. Authorization: the address must be the subject identity's owner or a valid
 * {@code sigAuth} delegate per the index, else {@code forbidden}.
 */
public final class SiweAuth {
  static final Duration MAX_AGE = Duration.ofMinutes(10);
  private static final Duration SKEW = Duration.ofMinutes(1);

  private final long chainId;
  private final SignerAuthority authority;
  private final Clock clock;

  public SiweAuth(long chainId, SignerAuthority authority, Clock clock) {
    this.chainId = chainId;
    this.authority = authority;
    this.clock = clock;
  }

  /** The authenticated address (lower-case 0x-hex), or {@code unauthenticated}. */
  public String authenticate(String authorization, String host) {
    if (authorization == null || !authorization.startsWith("SIWE ")) {
      throw unauthenticated("send Authorization: SIWE <base64url(message)>.<signature>");
    }
    String token = authorization.substring(5).trim();
    int dot = token.lastIndexOf('.');
    if (dot <= 0) {
      throw unauthenticated("token must be <base64url(message)>.<signature>");
    }
    byte[] messageBytes;
    try {
      messageBytes = Base64.getUrlDecoder().decode(token.substring(0, dot));
    } catch (IllegalArgumentException e) {
      throw unauthenticated("message is not base64url");
    }
    SiweMessage message = SiweMessage.parse(new String(messageBytes, StandardCharsets.UTF_8));
    checkScope(message, host);
    String signer = signer(messageBytes, token.substring(dot + 1));
    if (!signer.equals(message.address())) {
      throw unauthenticated("signature is not by the message's address");
    }
    return signer;
  }

  /** Authenticates, then requires the address to act for {@code identity}. */
  public String authorize(String authorization, String host, String identity) {
    return authorizeAny(authorization, host, List.of(identity));
  }

  /**
   * Authenticates, then requires the address to act for at least one of {@code identities} (a
   * consent's subject or its dataset's curator).
   */
  public String authorizeAny(String authorization, String host, List<String> identities) {
    String address = authenticate(authorization, host);
    long now = clock.instant().getEpochSecond();
    for (String identity : identities) {
      if (authority.role(identity, address, now).mayAuthenticate()) {
        return address;
      }
    }
    throw new ApiException(
        ApiError.FORBIDDEN,
        address
            + " is neither the owner nor a sigAuth delegate of "
            + String.join(" or ", identities));
  }

  private void checkScope(SiweMessage message, String host) {
    Instant now = clock.instant();
    if (host == null || !message.domain().equalsIgnoreCase(host)) {
      throw unauthenticated(
          "message domain " + message.domain() + " is not this node (" + host + ")");
    }
    if (message.chainId() != chainId) {
      throw unauthenticated("message chain id " + message.chainId() + " is not " + chainId);
    }
    if (message.issuedAt().isAfter(now.plus(SKEW))
        || message.issuedAt().isBefore(now.minus(MAX_AGE))) {
      throw unauthenticated("Issued At must be within the last 10 minutes");
    }
    if (message.expirationTime().isPresent()
        && (!message.expirationTime().get().isAfter(now)
            || message.expirationTime().get().isAfter(message.issuedAt().plus(MAX_AGE)))) {
      throw unauthenticated("expired, or Expiration Time more than 10 minutes after Issued At");
    }
    if (message.notBefore().isPresent() && message.notBefore().get().isAfter(now.plus(SKEW))) {
      throw unauthenticated("not valid yet (Not Before)");
    }
  }

  /** The personal_sign (EIP-191) signer of {@code message}. */
  private static String signer(byte[] message, String signatureHex) {
    byte[] sig;
    try {
      sig = Numeric.hexStringToByteArray(signatureHex);
    } catch (RuntimeException e) {
      throw unauthenticated("signature is not hex");
    }
    if (sig.length != 65) {
      throw unauthenticated("signature must be 65 bytes");
    }
    byte v = sig[64] < 27 ? (byte) (sig[64] + 27) : sig[64];
    try {
      Sign.SignatureData data =
          new Sign.SignatureData(
              v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
      return Numeric.prependHexPrefix(
              Keys.getAddress(Sign.signedPrefixedMessageToKey(message, data)))
          .toLowerCase(Locale.ROOT);
    } catch (SignatureException | RuntimeException e) {
      throw unauthenticated("signature does not recover");
    }
  }

  private static ApiException unauthenticated(String detail) {
    return new ApiException(ApiError.UNAUTHENTICATED, detail);
  }
}

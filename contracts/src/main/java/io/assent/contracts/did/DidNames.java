package io.assent.contracts.did;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes32 names of ERC-1056: attribute names ({@code did/pub/Secp256k1/veriKey/hex}) and
 * delegate types ({@code veriKey}, {@code sigAuth}). On chain they are ASCII, right-padded with
 * zero bytes to 32 bytes.
 *
 * <p>Encoding is strict (printable ASCII, 1 to 32 bytes) so that we never write a name a resolver
 * cannot read back. Decoding is lenient, as the did:ethr reference resolver reads names: trailing
 * zero bytes stripped, the rest read as UTF-8, so any name someone else wrote still decodes.
 */
public final class DidNames {

  /** Delegate type (and key purpose) of a key that may sign assertions. */
  public static final String VERI_KEY = "veriKey";

  /** Delegate type (and key purpose) of a key that may also authenticate as the DID. */
  public static final String SIG_AUTH = "sigAuth";

  /** Key purpose of a key-agreement (encryption) key. */
  public static final String ENC = "enc";

  private static final int SIZE = 32;

  private DidNames() {}

  /**
   * The bytes32 form of {@code name}, right-padded with zero bytes.
   *
   * @throws IllegalArgumentException if the name is empty, longer than 32 bytes, or not printable
   *     ASCII (0x20 to 0x7e)
   */
  public static byte[] encode(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(
            "name must be printable ASCII; character "
                + i
                + " is U+"
                + String.format("%04X", (int) c)
                + ": "
                + name);
      }
    }
    if (name.length() > SIZE) {
      throw new IllegalArgumentException(
          "name must fit in 32 bytes, is " + name.length() + ": " + name);
    }
    return Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), SIZE);
  }

  /**
   * The name in a bytes32 value: trailing zero bytes stripped, the rest read as UTF-8 (malformed
   * sequences become U+FFFD).
   *
   * @throws IllegalArgumentException if {@code bytes32} is not 32 bytes long
   */
  public static String decode(byte[] bytes32) {
    if (bytes32 == null || bytes32.length != SIZE) {
      throw new IllegalArgumentException("a name must be 32 bytes");
    }
    int end = SIZE;
    while (end > 0 && bytes32[end - 1] == 0) {
      end--;
    }
    return new String(bytes32, 0, end, StandardCharsets.UTF_8);
  }

  /**
   * The attribute name of a public key, {@code did/pub/<algorithm>/<purpose>/<encoding>}, e.g.
   * {@code publicKeyAttribute("Secp256k1", VERI_KEY, "hex")}.
   *
   * @throws IllegalArgumentException if a part is empty or holds a '/', or the name does not fit in
   *     32 bytes
   */
  public static String publicKeyAttribute(String algorithm, String purpose, String encoding) {
    return checked(
        "did/pub/"
            + part("algorithm", algorithm)
            + "/"
            + part("purpose", purpose)
            + "/"
            + part("encoding", encoding));
  }

  /**
   * The attribute name of a service endpoint, {@code did/svc/<type>}, e.g. {@code
   * serviceAttribute("ConsentService")}.
   *
   * @throws IllegalArgumentException if the type is empty or holds a '/', or the name does not fit
   *     in 32 bytes
   */
  public static String serviceAttribute(String type) {
    return checked("did/svc/" + part("type", type));
  }

  private static String part(String what, String value) {
    if (value == null || value.isEmpty() || value.indexOf('/') >= 0) {
      throw new IllegalArgumentException(what + " must be non-empty and hold no '/': " + value);
    }
    return value;
  }

  private static String checked(String name) {
    encode(name);
    return name;
  }
}

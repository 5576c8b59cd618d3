package io.assent.cli.did;

import io.assent.cli.CliException;
import io.assent.contracts.did.DidNames;
import java.util.Base64;
import java.util.Set;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Option;

/**
 * A public key as a DID attribute: name {@code did/pub/<algorithm>/<purpose>/<encoding>}, value the
 * raw key bytes. The encoding names how the reference resolver (ethr-did-resolver 11) shows the
 * bytes: hex as {@code publicKeyHex}, base64 as {@code publicKeyBase64} (it base64-encodes the
 * value), base58 as {@code publicKeyBase58} (it base58-encodes the value). So the value on chain is
 * always the decoded key, whatever encoding the user typed it in: storing the typed string's UTF-8
 * bytes instead would make the resolver show the encoding of that string, not the key.
 */
public final class PublicKeyOptions {

  // The enum constants below are spelled as on the wire (attribute names), so that help and
  // error messages show exactly what goes on chain.

  /** Key algorithms. */
  public enum Algorithm {
    Secp256k1(Set.of(33, 65)),
    Ed25519(Set.of(32)),
    X25519(Set.of(32));

    private final Set<Integer> lengths;

    Algorithm(Set<Integer> lengths) {
      this.lengths = lengths;
    }
  }

  /** What the key is for: assertions (veriKey), also authentication (sigAuth), key agreement. */
  public enum Purpose {
    veriKey,
    sigAuth,
    enc
  }

  /** How the key is written on the command line and shown in the DID document. */
  public enum Encoding {
    hex,
    base64,
    base58
  }

  @Option(
      names = "--algorithm",
      required = true,
      paramLabel = "ALG",
      description = "Key algorithm: ${COMPLETION-CANDIDATES}.")
  Algorithm algorithm;

  @Option(
      names = "--purpose",
      paramLabel = "PURPOSE",
      description =
          "${COMPLETION-CANDIDATES} (default: enc for X25519, else veriKey). sigAuth keys may"
              + " also authenticate as the DID.")
  Purpose purpose;

  @Option(
      names = "--encoding",
      defaultValue = "hex",
      paramLabel = "ENC",
      description =
          "Encoding of --public-key, and of the key in the DID document:"
              + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Encoding encoding;

  @Option(
      names = "--public-key",
      required = true,
      paramLabel = "VALUE",
      description = "The public key, in --encoding.")
  String publicKey;

  /** The attribute name, e.g. {@code did/pub/Ed25519/veriKey/base58}. */
  public String attributeName() {
    return DidNames.publicKeyAttribute(algorithm.name(), purpose().name(), encoding.name());
  }

  /** The raw key bytes, checked against the algorithm's key length. */
  public byte[] keyBytes() {
    Purpose p = purpose();
    if ((algorithm == Algorithm.X25519) != (p == Purpose.enc)) {
      throw new CliException(
          "invalidArgument",
          algorithm == Algorithm.X25519
              ? "an X25519 key is a key-agreement key: use --purpose enc"
              : "--purpose enc is for X25519 keys; " + algorithm + " keys are veriKey or sigAuth");
    }
    byte[] bytes = decode();
    if (!algorithm.lengths.contains(bytes.length)) {
      throw new CliException(
          "invalidKey",
          "a "
              + algorithm
              + " public key is "
              + (algorithm == Algorithm.Secp256k1 ? "33 or 65" : "32")
              + " bytes; this one is "
              + bytes.length);
    }
    return bytes;
  }

  public Purpose purpose() {
    if (purpose != null) {
      return purpose;
    }
    return algorithm == Algorithm.X25519 ? Purpose.enc : Purpose.veriKey;
  }

  private byte[] decode() {
    String value = publicKey.strip();
    try {
      return switch (encoding) {
        case hex -> {
          if (!value.matches("(0x)?([0-9a-fA-F]{2})+")) {
            throw new IllegalArgumentException("not hex");
          }
          yield Numeric.hexStringToByteArray(value);
        }
        case base64 -> Base64.getDecoder().decode(value);
        case base58 -> Base58.decode(value);
      };
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "invalidKey", "--public-key is not valid " + encoding + ": " + e.getMessage());
    }
  }
}

package io.assent.contracts.consent;

import io.assent.contracts.consent.Eip712Fields.Field;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * EIP-712 hashing of flat structs (the consent and dataset types), written out rather than
 * delegated so the encoding of arrays is explicit: {@code string[]} is keccak256 of the
 * concatenated keccak256 of each element's UTF-8, {@code bytes32[]} keccak256 of the concatenated
 * words. Strings are keccak256 of their UTF-8; addresses, bytes32 and uints are one 32-byte word.
 */
public final class Eip712Hasher {
  /**
   * Type hashes and domain separators, computed once each: they are the same for every message of a
   * type and domain, and were five of the thirteen Keccak hashes of each grant the node checks.
   * Bounded, as the callers' domains are few (one per node and chain) but come from outside.
   */
  private static final int CACHE_LIMIT = 256;

  private static final Map<String, byte[]> TYPE_HASHES = new ConcurrentHashMap<>();

  /**
   * keccak256 of short strings: a grant's purposes, processing, legal basis, jurisdiction and
   * notice version are terms of a small vocabulary, repeated by every grant; hashed anew they were
   * six of the eleven Keccak permutations of a grant's digest. Bounded in entries and in length, so
   * strings from outside can fill it but not grow it; once full, other strings are hashed each
   * time, as before.
   */
  private static final int TERM_CACHE_LIMIT = 4096;

  private static final int TERM_MAX_CHARS = 64;
  private static final Map<String, byte[]> TERM_HASHES = new ConcurrentHashMap<>();
  private static final Map<Eip712Domain, byte[]> SEPARATORS = new ConcurrentHashMap<>();

  private Eip712Hasher() {}

  /** keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)). */
  static byte[] digest(Eip712Domain domain, ConsentMessage message) {
    return digest(domain, Eip712Fields.primaryType(message), Eip712Fields.message(message));
  }

  /** keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(primaryType, fields)). */
  public static byte[] digest(Eip712Domain domain, String primaryType, List<Field> fields) {
    byte[] separator =
        cached(
            SEPARATORS, domain, d -> hashStruct(Eip712Fields.DOMAIN_TYPE, Eip712Fields.domain(d)));
    byte[] struct = hashStruct(primaryType, fields);
    ByteArrayOutputStream out = new ByteArrayOutputStream(66);
    out.write(0x19);
    out.write(0x01);
    out.writeBytes(separator);
    out.writeBytes(struct);
    return Hash.sha3(out.toByteArray());
  }

  /** keccak256(typeHash ‖ encodeData(fields)), for a struct whose members are all atomic. */
  public static byte[] hashStruct(String primaryType, List<Field> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * (fields.size() + 1));
    out.writeBytes(
        cached(TYPE_HASHES, Eip712Fields.typeString(primaryType, fields), t -> Hash.sha3(utf8(t))));
    for (Field field : fields) {
      out.writeBytes(encode(field.type(), field.value()));
    }
    return Hash.sha3(out.toByteArray());
  }

  /** The cached value (never handed out to be changed: callers only copy it into a stream). */
  private static <K> byte[] cached(Map<K, byte[]> cache, K key, Function<K, byte[]> compute) {
    return cached(cache, CACHE_LIMIT, key, compute);
  }

  private static <K> byte[] cached(
      Map<K, byte[]> cache, int limit, K key, Function<K, byte[]> compute) {
    byte[] known = cache.get(key);
    if (known != null) {
      return known;
    }
    byte[] value = compute.apply(key);
    if (cache.size() < limit) {
      cache.put(key, value);
    }
    return value;
  }

  /** keccak256 of the string's UTF-8, from {@link #TERM_HASHES} when it is short. */
  private static byte[] stringHash(String text) {
    if (text.length() > TERM_MAX_CHARS) {
      return Hash.sha3(utf8(text));
    }
    return cached(TERM_HASHES, TERM_CACHE_LIMIT, text, t -> Hash.sha3(utf8(t)));
  }

  private static byte[] encode(String type, Object value) {
    return switch (type) {
      case "string" -> stringHash((String) value);
      case "string[]" -> {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        for (Object item : (List<?>) value) {
          items.writeBytes(stringHash((String) item));
        }
        yield Hash.sha3(items.toByteArray());
      }
      case "bytes32[]" -> {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        for (Object item : (List<?>) value) {
          items.writeBytes(word((String) item));
        }
        yield Hash.sha3(items.toByteArray());
      }
      case "address", "bytes32" -> word((String) value);
      case "uint64", "uint256" ->
          Numeric.toBytesPadded(
              value instanceof BigInteger big ? big : BigInteger.valueOf((Long) value), 32);
      default -> throw new IllegalStateException("no encoding for " + type);
    };
  }

  /**
   * The hex value as one 32-byte big-endian word (an address left-padded with zeros). Decoded
   * directly: through a BigInteger it was a tenth of a grant's hashing time (`perf`).
   */
  private static byte[] word(String hex) {
    byte[] bytes = Numeric.hexStringToByteArray(hex);
    byte[] word = new byte[32];
    int excess = Math.max(0, bytes.length - 32);
    for (int i = 0; i < excess; i++) {
      if (bytes[i] != 0) {
        throw new IllegalArgumentException("more than 32 bytes: " + hex);
      }
    }
    System.arraycopy(bytes, excess, word, 32 - (bytes.length - excess), bytes.length - excess);
    return word;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

package io.assent.contracts.dataset;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Dataset ids as the registry computes them: {@code keccak256(abi.encode(curator,
 * keccak256(bytes(name)), keccak256(bytes(version))))}. Deterministic, so a curator knows the id
 * before registering and a child can name its parents before they are mined.
 */
public final class DatasetIds {

  private DatasetIds() {}

  /**
   * The id of {@code name}@{@code version} curated by {@code curator}: lower-case 0x-hex, 32 bytes.
   * Names and versions are hashed as UTF-8, exactly as given (no trimming or case folding).
   */
  public static String of(String curator, String name, String version) {
    byte[] encoded = new byte[96];
    byte[] address = Numeric.hexStringToByteArray(DatasetHex.address("curator", curator));
    System.arraycopy(address, 0, encoded, 12, 20);
    System.arraycopy(utf8Hash(DatasetHex.text("name", name)), 0, encoded, 32, 32);
    System.arraycopy(utf8Hash(DatasetHex.text("version", version)), 0, encoded, 64, 32);
    return Numeric.toHexString(Hash.sha3(encoded));
  }

  private static byte[] utf8Hash(String text) {
    return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
  }
}

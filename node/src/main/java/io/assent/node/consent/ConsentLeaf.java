package io.assent.node.consent;

import java.security.SecureRandom;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A record's commitment: {@code leaf = keccak256(salt ‖ canonical)}, where {@code canonical} is the
 * record's JCS form and {@code salt} 32 random bytes (so that low-entropy records cannot be guessed
 * from the leaf). The consent id is the leaf.
 */
public record ConsentLeaf(byte[] salt, byte[] canonical, byte[] leaf) {
  public static final int SALT_LENGTH = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  public static ConsentLeaf of(byte[] salt, byte[] canonical) {
    if (salt.length != SALT_LENGTH) {
      throw new IllegalArgumentException("salt must be 32 bytes");
    }
    byte[] preimage = new byte[salt.length + canonical.length];
    System.arraycopy(salt, 0, preimage, 0, salt.length);
    System.arraycopy(canonical, 0, preimage, salt.length, canonical.length);
    return new ConsentLeaf(salt.clone(), canonical.clone(), Hash.sha3(preimage));
  }

  public static ConsentLeaf withRandomSalt(byte[] canonical) {
    byte[] salt = new byte[SALT_LENGTH];
    RANDOM.nextBytes(salt);
    return of(salt, canonical);
  }

  /** {@code salt ‖ canonical}: what the vault encrypts. */
  public byte[] preimage() {
    byte[] out = new byte[salt.length + canonical.length];
    System.arraycopy(salt, 0, out, 0, salt.length);
    System.arraycopy(canonical, 0, out, salt.length, canonical.length);
    return out;
  }

  /** Splits what {@link #preimage()} produced. */
  public static ConsentLeaf fromPreimage(byte[] preimage) {
    byte[] salt = java.util.Arrays.copyOfRange(preimage, 0, SALT_LENGTH);
    byte[] canonical = java.util.Arrays.copyOfRange(preimage, SALT_LENGTH, preimage.length);
    return of(salt, canonical);
  }

  public String consentId() {
    return Numeric.toHexString(leaf);
  }
}

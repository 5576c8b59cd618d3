package io.assent.contracts.did;

import java.util.Arrays;
import org.web3j.utils.Numeric;

/**
 * An ECDSA signature (v, r, s) over an {@link Erc1056SignedHash}, as the registry's {@code *Signed}
 * functions take it. {@code v} is 27 or 28.
 */
public record Erc1056Signature(int v, byte[] r, byte[] s) {

  public Erc1056Signature {
    if (v != 27 && v != 28) {
      throw new IllegalArgumentException("v must be 27 or 28, was " + v);
    }
    if (r.length != 32 || s.length != 32) {
      throw new IllegalArgumentException("r and s must be 32 bytes each");
    }
    r = r.clone();
    s = s.clone();
  }

  /** Parses the 65-byte {@code r ‖ s ‖ v} form (0x-hex), v as 27/28 or 0/1. */
  public static Erc1056Signature fromHex(String hex) {
    byte[] bytes;
    try {
      bytes = Numeric.hexStringToByteArray(hex);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("signature is not hex");
    }
    if (bytes.length != 65) {
      throw new IllegalArgumentException("signature must be 65 bytes (r ‖ s ‖ v)");
    }
    int v = bytes[64] & 0xff;
    if (v < 27) {
      v += 27;
    }
    return new Erc1056Signature(
        v, Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
  }

  /** The 65-byte {@code r ‖ s ‖ v} form, 0x-hex. */
  public String toHex() {
    byte[] out = new byte[65];
    System.arraycopy(r, 0, out, 0, 32);
    System.arraycopy(s, 0, out, 32, 32);
    out[64] = (byte) v;
    return Numeric.toHexString(out);
  }

  @Override
  public byte[] r() {
    return r.clone();
  }

  @Override
  public byte[] s() {
    return s.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Erc1056Signature other
        && v == other.v
        && Arrays.equals(r, other.r)
        && Arrays.equals(s, other.s);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * v + Arrays.hashCode(r)) + Arrays.hashCode(s);
  }

  @Override
  public String toString() {
    return toHex();
  }
}

package io.assent.cli.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Base58Test {

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  @Test
  void decodesKnownVectors() {
    // Vectors from the Base58 draft (draft-msporny-base58): "Hello World!" and leading zeros.
    assertThat(new String(Base58.decode("2NEpo7TZRRrLZSi2U"), StandardCharsets.US_ASCII))
        .isEqualTo("Hello World!");
    assertThat(Base58.decode("11233QC4")).containsExactly(0, 0, 0x28, 0x7f, 0xb4, 0xcd);
    assertThat(Base58.decode("")).isEmpty();
    assertThat(Base58.decode("111")).containsExactly(0, 0, 0);
  }

  @Test
  void roundTripsThirtyTwoByteKeys() {
    byte[] key = new byte[32];
    key[0] = (byte) 0xff;
    key[31] = 1;
    assertThat(Base58.decode(encode(key))).isEqualTo(key);
  }

  @Test
  void refusesCharactersOutsideTheAlphabet() {
    assertThatThrownBy(() -> Base58.decode("abc0")).hasMessageContaining("'0'");
    assertThatThrownBy(() -> Base58.decode("Il")).hasMessageContaining("'I'");
  }

  /** Test-side encoder, to produce inputs. */
  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(58);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(base);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }
}

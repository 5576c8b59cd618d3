package io.assent.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
  private static final String ADDRESS = "0x" + "aB".repeat(20);

  @Test
  void takesEitherCaseAndLowerCasesIt() {
    assertThat(Hex.address("subject", ADDRESS)).isEqualTo("0x" + "ab".repeat(20));
    assertThat(Hex.bytes32("nonce", "0x" + "0F".repeat(32))).isEqualTo("0x" + "0f".repeat(32));
  }

  @Test
  void refusesAnythingButAsciiHexDigitsOfTheExactLength() {
    for (String bad :
        new String[] {
          null,
          "",
          "0x",
          "0X" + "ab".repeat(20),
          "ab".repeat(21),
          "0x" + "ab".repeat(19) + "a",
          "0x" + "ab".repeat(20) + "a",
          "0x" + "ab".repeat(19) + "ag",
          "0x" + "ab".repeat(19) + "a\uFF21", // fullwidth A: a letter, not a hex digit here
          "0x" + "ab".repeat(19) + "a\u0663", // Arabic-Indic three
          " 0x" + "ab".repeat(19) + "a",
        }) {
      assertThatThrownBy(() -> Hex.address("subject", bad))
          .as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("subject must be a 0x-prefixed 20-byte address");
    }
    assertThatThrownBy(() -> Hex.bytes32("nonce", ADDRESS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nonce must be 0x-prefixed 32 bytes (64 hex digits)");
  }
}

package io.assent.contracts.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.utils.Numeric;

class DidNamesTest {

  @Test
  void encodesRightPaddedAscii() {
    byte[] encoded = DidNames.encode("did/pub/Secp256k1/veriKey/hex");

    // the value ethers' encodeBytes32String gives for the same name
    assertThat(Numeric.toHexString(encoded))
        .isEqualTo("0x6469642f7075622f536563703235366b312f766572694b65792f686578000000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "veriKey",
        "sigAuth",
        "did/pub/Secp256k1/veriKey/hex",
        "did/svc/ConsentService",
        "x",
        "0123456789abcdef0123456789abcdef" // exactly 32 bytes: no padding at all
      })
  void roundTrips(String name) {
    byte[] encoded = DidNames.encode(name);

    assertThat(encoded).hasSize(32);
    assertThat(DidNames.decode(encoded)).isEqualTo(name);
  }

  @Test
  void rejectsNamesLongerThan32Bytes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DidNames.encode("0123456789abcdef0123456789abcdef!"))
        .withMessageContaining("32 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"veri\u0000Key", "tab\there", "caf\u00e9", "emoji\ud83d\ude00", "line\n"})
  void rejectsNonPrintableAscii(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DidNames.encode(name))
        .withMessageContaining("printable ASCII");
  }

  @Test
  void rejectsEmptyName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DidNames.encode(""))
        .withMessageContaining("empty");
  }

  @Test
  void decodeStripsOnlyTrailingZeros() {
    byte[] raw = Arrays.copyOf("a\u0000b".getBytes(StandardCharsets.US_ASCII), 32);

    assertThat(DidNames.decode(raw)).isEqualTo("a\u0000b");
    assertThat(DidNames.decode(new byte[32])).isEmpty();
  }

  @Test
  void decodeReadsAnyBytesSomeoneElseWrote() {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) 0xff);

    assertThat(DidNames.decode(raw)).isEqualTo("\ufffd".repeat(32));
  }

  @Test
  void decodeRejectsWrongLength() {
    assertThatIllegalArgumentException().isThrownBy(() -> DidNames.decode(new byte[31]));
  }

  @Test
  void buildsAttributeNames() {
    assertThat(DidNames.publicKeyAttribute("Secp256k1", DidNames.VERI_KEY, "hex"))
        .isEqualTo("did/pub/Secp256k1/veriKey/hex");
    assertThat(DidNames.publicKeyAttribute("X25519", DidNames.ENC, "base64"))
        .isEqualTo("did/pub/X25519/enc/base64");
    assertThat(DidNames.serviceAttribute("ConsentService")).isEqualTo("did/svc/ConsentService");
  }

  @Test
  void refusesAttributeNamesThatCannotBeWritten() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DidNames.publicKeyAttribute("Secp256k1", "veri/Key", "hex"))
        .withMessageContaining("purpose");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DidNames.serviceAttribute(""))
        .withMessageContaining("type");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DidNames.serviceAttribute("AVeryLongServiceTypeName1"))
        .withMessageContaining("32 bytes");
  }
}

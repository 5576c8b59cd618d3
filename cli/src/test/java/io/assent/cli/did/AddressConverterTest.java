package io.assent.cli.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class AddressConverterTest {

  final AddressConverter converter = new AddressConverter();

  @Test
  void acceptsLowerUpperAndValidChecksumAndReturnsLowerCase() {
    String lower = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    assertThat(converter.convert(lower)).isEqualTo(lower);
    assertThat(converter.convert("0x70997970C51812DC3A010C7D01B50E0D17DC79C8")).isEqualTo(lower);
    assertThat(converter.convert("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).isEqualTo(lower);
  }

  @Test
  void refusesBadChecksumAndMalformedAddresses() {
    assertThatThrownBy(() -> converter.convert("0x70997970C51812dc3A010C7d01b50e0d17dc79c8"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> converter.convert("0x7099"))
        .isInstanceOf(TypeConversionException.class);
  }
}

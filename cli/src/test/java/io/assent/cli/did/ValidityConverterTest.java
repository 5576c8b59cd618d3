package io.assent.cli.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ValidityConverterTest {

  final ValidityConverter converter = new ValidityConverter();

  @Test
  void readsSecondsAndUnits() {
    assertThat(converter.convert("3600")).isEqualTo(BigInteger.valueOf(3600));
    assertThat(converter.convert("45s")).isEqualTo(BigInteger.valueOf(45));
    assertThat(converter.convert("30m")).isEqualTo(BigInteger.valueOf(1800));
    assertThat(converter.convert("12h")).isEqualTo(BigInteger.valueOf(43_200));
    assertThat(converter.convert("90d")).isEqualTo(BigInteger.valueOf(7_776_000));
    assertThat(converter.convert("2w")).isEqualTo(BigInteger.valueOf(1_209_600));
  }

  @Test
  void refusesZeroNegativeFractionsUnknownUnitsAndOverflow() {
    for (String bad : new String[] {"0", "0d", "-1", "1.5h", "3y", "d", "9223372036854775807w"}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class);
    }
  }
}

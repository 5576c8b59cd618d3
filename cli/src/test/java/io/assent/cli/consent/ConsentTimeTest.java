package io.assent.cli.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConsentTimeTest {

  final ConsentTime start = new ConsentTime.Start();
  final ConsentTime end = new ConsentTime.End();

  @Test
  void aDateIsAWholeUtcDay() {
    assertThat(start.convert("2027-06-30")).isEqualTo(epoch("2027-06-30T00:00:00Z"));
    assertThat(end.convert("2027-06-30")).isEqualTo(epoch("2027-06-30T23:59:59Z"));
  }

  @Test
  void dateTimesNeedAZoneAndKeepIt() {
    assertThat(end.convert("2027-06-30T12:00:00+02:00")).isEqualTo(epoch("2027-06-30T10:00:00Z"));
    assertThat(start.convert("2027-06-30T12:00:00Z")).isEqualTo(epoch("2027-06-30T12:00:00Z"));
    assertThatThrownBy(() -> start.convert("2027-06-30T12:00:00"))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void unixSecondsAndNever() {
    assertThat(start.convert("1700000000")).isEqualTo(1_700_000_000L);
    assertThat(end.convert("never")).isZero();
    assertThatThrownBy(() -> start.convert("never")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> end.convert("2027-13-01"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("is not a time");
  }

  private static long epoch(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }
}

package io.assent.cli.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Times on the command line, as unix seconds. Accepted: an ISO date ({@code 2027-06-30}), an ISO
 * date-time with a zone offset ({@code 2027-06-30T12:00:00Z}, {@code ...+02:00}), or unix seconds.
 * A bare date is a whole day in UTC: as an end ({@code --until}) it means the day's last second,
 * 23:59:59Z, so the consent holds throughout that day; as a start ({@code --from}, {@code --at}) it
 * means 00:00:00Z.
 */
public abstract class ConsentTime implements ITypeConverter<Long> {

  private final boolean endOfDay;

  ConsentTime(boolean endOfDay) {
    this.endOfDay = endOfDay;
  }

  /** For starts and instants: a bare date is 00:00:00Z. */
  public static final class Start extends ConsentTime {
    public Start() {
      super(false);
    }
  }

  /** For ends: a bare date is 23:59:59Z of that day; {@code never} is 0 (no end). */
  public static final class End extends ConsentTime {
    public End() {
      super(true);
    }
  }

  @Override
  public Long convert(String value) {
    String text = value.strip();
    if (endOfDay && text.equalsIgnoreCase("never")) {
      return 0L;
    }
    if (text.matches("[0-9]{1,12}")) {
      return Long.parseLong(text);
    }
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return endOfDay ? start.getEpochSecond() + 86_399 : start.getEpochSecond();
      }
      return OffsetDateTime.parse(text).toEpochSecond();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a time: use a date (2027-06-30), a date-time with zone"
              + " (2027-06-30T12:00:00Z) or unix seconds"
              + (endOfDay ? ", or 'never'" : ""));
    }
  }
}

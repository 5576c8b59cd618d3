package io.assent.cli.did;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A validity period in seconds: plain seconds ({@code 3600}) or a number with a unit: {@code s},
 * {@code m}, {@code h}, {@code d}, {@code w} ({@code 90d}, {@code 12h}). Positive, and at most
 * 2^63-1 seconds, so that {@code block.timestamp + validity} never overflows in the registry.
 */
public final class ValidityConverter implements ITypeConverter<BigInteger> {

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,19})([smhdw]?)");

  @Override
  public BigInteger convert(String value) {
    Matcher m = DURATION.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a validity: use seconds (3600) or a number with s, m, h, d or w"
              + " (90d, 12h)");
    }
    BigInteger seconds =
        new BigInteger(m.group(1)).multiply(BigInteger.valueOf(unitSeconds(m.group(2))));
    if (seconds.signum() <= 0) {
      throw new TypeConversionException("validity must be positive, was '" + value + "'");
    }
    if (seconds.bitLength() > 63) {
      throw new TypeConversionException("validity '" + value + "' is too long");
    }
    return seconds;
  }

  private static long unitSeconds(String unit) {
    return switch (unit) {
      case "m" -> 60;
      case "h" -> 3_600;
      case "d" -> 86_400;
      case "w" -> 604_800;
      default -> 1;
    };
  }
}

package io.assent.cli.did;

import java.math.BigInteger;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A chain id, decimal ({@code 31337}) or hex ({@code 0x7a69}); positive. */
public final class ChainIdConverter implements ITypeConverter<BigInteger> {

  @Override
  public BigInteger convert(String value) {
    BigInteger id;
    try {
      id =
          value.startsWith("0x") || value.startsWith("0X")
              ? new BigInteger(value.substring(2), 16)
              : new BigInteger(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a chain id (e.g. 31337 or 0x7a69)");
    }
    if (id.signum() <= 0 || id.bitLength() > 64) {
      throw new TypeConversionException("chain id must be between 1 and 2^64-1, was " + value);
    }
    return id;
  }
}

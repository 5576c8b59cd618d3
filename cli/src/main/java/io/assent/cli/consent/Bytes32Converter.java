package io.assent.cli.consent;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** 32 bytes as 0x + 64 hex digits (a consent id, dataset id or digest), lower-cased. */
public final class Bytes32Converter implements ITypeConverter<String> {

  @Override
  public String convert(String value) {
    String text = value.strip();
    if (!text.matches("0x[0-9a-fA-F]{64}")) {
      throw new TypeConversionException("'" + value + "' is not 0x + 64 hex digits (32 bytes)");
    }
    return text.toLowerCase(Locale.ROOT);
  }
}
